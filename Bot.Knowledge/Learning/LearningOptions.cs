using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Learning;

/// <summary>How learned answers are matched and how negative feedback demotes passages (section <c>Learning</c>).</summary>
public sealed class LearningOptions
{
    public const string SectionName = "Learning";

    /// <summary>
    /// The combined similarity (0..1, see <see cref="QuestionMatcher"/>) a learned question needs for its answer to be
    /// given, with a semantic embedder (GloVe, ONNX, OpenAI ...).
    /// </summary>
    [Range(0.05, 1)]
    public double MatchThreshold { get; set; } = 0.55;

    /// <summary>The same threshold with the lexical fallback embedder (no word vectors: shared words only).</summary>
    [Range(0.05, 1)]
    public double LexicalMatchThreshold { get; set; } = 0.35;

    /// <summary>The weight of the embedding cosine between the questions.</summary>
    [Range(0, 1)]
    public double QuestionWeight { get; set; } = 0.3;

    /// <summary>The weight of the embedding cosine between the question and the approved answer.</summary>
    [Range(0, 1)]
    public double AnswerWeight { get; set; } = 0.2;

    /// <summary>
    /// The weight of word containment in the learned question: the customer's content words found in it (by stem, or by
    /// word vector when the embedder has them), which keeps paraphrases matching when sentence embeddings are weak.
    /// </summary>
    [Range(0, 1)]
    public double QuestionWordWeight { get; set; } = 0.3;

    /// <summary>The weight of word containment in the learned question and its answer together.</summary>
    [Range(0, 1)]
    public double AnswerWordWeight { get; set; } = 0.2;

    /// <summary>
    /// The weight of retrieval agreement: how far the customer's question and the learned question lead the knowledge
    /// base's search to the same documents (<see cref="RetrievalAnchors"/>). The knowledge base bridges wordings that
    /// share no words ("finance inbox should get the bills" and "invoices to our accounts payable mailbox" both lead to
    /// the billing-contacts article).
    /// </summary>
    [Range(0, 1)]
    public double AnchorWeight { get; set; } = 0.3;

    /// <summary>How many of the top documents of a search make a question's anchors.</summary>
    [Range(1, 50)]
    public int AnchorDepth { get; set; } = 5;

    /// <summary>How many nearest learned entries (by embedding) are rescored, besides those sharing a word.</summary>
    [Range(1, 100_000)]
    public int Candidates { get; set; } = 200;

    /// <summary>How many conversations must rate a chunk down for similar questions before it is demoted.</summary>
    [Range(1, 100)]
    public int DemotionMinNegatives { get; set; } = 2;

    /// <summary>The cosine similarity between two questions above which a thumbs-down on one counts for the other.</summary>
    [Range(0, 1)]
    public double DemotionSimilarity { get; set; } = 0.8;

    /// <summary>The score multiplier of a demoted chunk, applied once more for each further negative.</summary>
    [Range(0.01, 1)]
    public double DemotionFactor { get; set; } = 0.5;

    /// <summary>The smallest multiplier however many negatives a chunk has.</summary>
    [Range(0, 1)]
    public double DemotionFloor { get; set; } = 0.1;
}
