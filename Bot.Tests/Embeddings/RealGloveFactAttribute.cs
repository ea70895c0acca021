using Bot.Tests.Infrastructure;

namespace Bot.Tests.Embeddings;

/// <summary>
/// A fact that needs the real GloVe + SIF file (scripts/fetch-glove.sh writes it, about 77 MB); skipped with a
/// message saying so when the file is not there, so the suite never depends on the download.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealGloveFactAttribute : FactAttribute
{
    public RealGloveFactAttribute()
    {
        if (!File.Exists(RealGlovePath))
        {
            Skip = $"Needs the real GloVe file {RealGlovePath}: run scripts/fetch-glove.sh to include this test.";
        }
    }

    public static string RealGlovePath => Path.Combine(RepoPaths.Root, ".data", "models", "glove-sif-100d.bin");
}
