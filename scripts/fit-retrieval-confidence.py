#!/usr/bin/env python3
"""Fits the retrieval confidence (Bot.Dialogs/Routing/RetrievalConfidence.cs) from `eval --features` output.

    dotnet Bot.dll eval ../shared/eval/clinc150/train_val.json --split oos_train --features features.csv
    scripts/fit-retrieval-confidence.py features.csv

Rows of set "kb" (answerable questions) are positives, rows of set "oos" negatives; the features are the best vector
similarity, the text feature, agreement of both methods on the top passage, vocabulary coverage, and the router's
nearest in-scope example similarity. Plain logistic
regression (L2 0.01, full-batch gradient descent, classes weighted equally); prints the weights in the order of
RetrievalWeights and, for a few thresholds, the share of each class accepted.
"""
import csv
import math
import sys

FEATURES = ("vector", "text", "both", "coverage", "nearest")


def load(path):
    rows = []
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            if row["set"] not in ("kb", "oos"):
                continue
            rows.append(([float(row[f]) for f in FEATURES], 1 if row["set"] == "kb" else 0))
    return rows


def fit(rows, steps=20000, rate=0.5, l2=0.01):
    positives = sum(label for _, label in rows)
    negatives = len(rows) - positives
    weight = {1: 0.5 / positives, 0: 0.5 / negatives}
    w = [0.0] * (len(FEATURES) + 1)
    for _ in range(steps):
        grad = [0.0] * len(w)
        for x, y in rows:
            z = w[0] + sum(wi * xi for wi, xi in zip(w[1:], x))
            p = 1 / (1 + math.exp(-z))
            e = (p - y) * weight[y]
            grad[0] += e
            for i, xi in enumerate(x):
                grad[i + 1] += e * xi
        for i in range(len(w)):
            w[i] -= rate * (grad[i] + (l2 * w[i] if i else 0))
    return w


def main():
    rows = load(sys.argv[1])
    w = fit(rows)
    print("weights (intercept, vector, text, agreement, coverage, nearest):", ", ".join(f"{v:.2f}" for v in w))
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5):
        accepted = {0: 0, 1: 0}
        total = {0: 0, 1: 0}
        for x, y in rows:
            z = w[0] + sum(wi * xi for wi, xi in zip(w[1:], x))
            total[y] += 1
            accepted[y] += 1 if 1 / (1 + math.exp(-z)) >= threshold else 0
        print(f"threshold {threshold:.2f}: answerable accepted {accepted[1] / total[1]:.3f}, out of scope accepted {accepted[0] / total[0]:.3f}")


if __name__ == "__main__":
    main()
