using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Embeddings;

/// <summary>
/// A hand-made GloVe + SIF model of a few words in 4 dimensions, written with the same code as the real file
/// (<see cref="GloveSifModel.Create"/> and <see cref="GloveSifModel.Save"/>). The 4th axis is the common component.
/// </summary>
internal static class TinyGlove
{
    public const int Dimensions = 4;

    /// <summary>The common component: the last axis, which every word shares a little of.</summary>
    public static readonly float[] Component = [0, 0, 0, 1];

    public static readonly (string Word, float Weight, float[] Vector)[] Words =
    [
        ("the", 0.01f, [0.1f, 0.1f, 0.1f, 2]),
        ("my", 0.05f, [0.2f, 0, 0, 1]),
        ("not", 0.1f, [0, 0, -1, 1]),
        ("do", 0.1f, [0, 0.5f, 0, 1]),
        ("can", 0.1f, [0.5f, 0, 0, 1]),
        ("in", 0.05f, [0, 0, 0.3f, 1]),
        ("reset", 0.9f, [1, 0, 0, 1]),
        ("password", 0.8f, [1, 1, 0, 1]),
        ("forgot", 0.9f, [0.8f, 0.9f, 0, 1]),
        ("login", 0.9f, [0.9f, 1, 0.1f, 1]),
        ("refund", 0.9f, [0, 0, 1, 1]),
        ("invoice", 0.9f, [0, 0.2f, 1, 1]),
        ("e-mail", 0.9f, [0, 1, 1, 1]),
        ("sign", 0.7f, [0.3f, 0.3f, 0.3f, 1]),
        ("obrien", 1f, [0.4f, 0, 0.4f, 1]),
        ("cafe", 1f, [0.6f, 0.6f, 0.6f, 1]),
    ];

    public static GloveSifModel Create(GloveSifElementType elementType = GloveSifElementType.Float32) =>
        GloveSifModel.Create(
            Words.Select(w => w.Word).ToArray(),
            Words.SelectMany(w => w.Vector).ToArray(),
            Dimensions,
            Words.Select(w => w.Weight).ToArray(),
            Component,
            SifWeighting.DefaultA,
            elementType);

    /// <summary>Writes the model to a new temporary file and returns its path.</summary>
    public static string WriteFile(string directory, GloveSifElementType elementType = GloveSifElementType.Float32)
    {
        var path = Path.Combine(directory, "glove-sif-4d.bin");
        Create(elementType).Save(path);
        return path;
    }

    public static float[] Vector(string word) => Words.Single(w => w.Word == word).Vector;

    public static float Weight(string word) => Words.Single(w => w.Word == word).Weight;

    /// <summary>The expected embedding: weighted sum, minus its projection on the component, unit length.</summary>
    public static float[] Expected(params string[] words)
    {
        var sum = new float[Dimensions];
        foreach (var word in words)
        {
            var vector = Vector(word);
            for (var d = 0; d < Dimensions; d++)
            {
                sum[d] += Weight(word) * vector[d];
            }
        }
        var projection = sum.Zip(Component, (a, b) => a * b).Sum();
        for (var d = 0; d < Dimensions; d++)
        {
            sum[d] -= projection * Component[d];
        }
        var norm = MathF.Sqrt(sum.Sum(v => v * v));
        return sum.Select(v => v / norm).ToArray();
    }
}
