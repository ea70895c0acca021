using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Routing;

/// <summary>The router (section <c>Router</c>): its seed examples, import limits, and how the local model votes.</summary>
public sealed class RouterOptions
{
    public const string SectionName = "Router";

    /// <summary>CSV files (<c>text,route[,intent]</c>) loaded into an empty <c>router_examples</c> table at start-up (relative to the content root).</summary>
    public string[] SeedPaths { get; set; } = [];

    /// <summary>The largest CSV the admin API accepts.</summary>
    [Range(1024, 200_000_000)]
    public long MaxImportBytes { get; set; } = 20_000_000;

    /// <summary>The most rows one import may have.</summary>
    [Range(1, 1_000_000)]
    public int MaxImportRows { get; set; } = 100_000;

    /// <summary>How many nearest examples vote.</summary>
    [Range(1, 100)]
    public int Neighbours { get; set; } = 10;

    /// <summary>
    /// The softmax temperature of the neighbours' votes: a vote weighs <c>exp(similarity / T)</c>, so with a small T the
    /// nearest examples count much more than the farther ones.
    /// </summary>
    [Range(0.001, 10)]
    public double VoteTemperature { get; set; } = 0.05;

    /// <summary>Train the ML.NET text classifier (word and character n-grams) from the examples and combine it with the neighbours.</summary>
    public bool TextClassifier { get; set; } = true;

    /// <summary>The weight of the text classifier's probabilities against the neighbours' votes (0..1).</summary>
    [Range(0, 1)]
    public double TextClassifierWeight { get; set; } = 0.5;

    /// <summary>
    /// How much the intent probabilities are divided by each intent's share of the examples (0: not at all, 1: fully),
    /// so rare intents (complaint, feedback, out of scope) are not out-voted by the many questions.
    /// </summary>
    [Range(0, 1)]
    public double IntentPriorCorrection { get; set; } = 0.5;

    /// <summary>An example this similar to the message (near-identical text) decides alone: a correction takes effect at once.</summary>
    [Range(0.5, 1)]
    public double ExactMatchSimilarity { get; set; } = 0.97;

    /// <summary>
    /// A message whose nearest in-scope example is less similar than this is out of scope, whatever the votes say.
    /// 0 turns the check off. Embedder-specific: measure with <c>eval</c> before changing it.
    /// </summary>
    [Range(0, 1)]
    public double OutOfScopeSimilarity { get; set; }

    /// <summary>
    /// How sure the learned model must be of <c>asks_for_human</c> or <c>complaint</c> (both hand the conversation off)
    /// when the wording rules do not recognise them; below it the message is treated as a question.
    /// </summary>
    [Range(0, 1)]
    public double HandoffIntentConfidence { get; set; } = 0.6;

    /// <summary>How often the model checks the database for examples other processes added (this process's own writes are seen at once).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>With an LLM configured (section <c>Llm</c>), classify through it, falling back to the local model.</summary>
    public bool UseLlm { get; set; } = true;

    /// <summary>How long the LLM may take before the local model's verdict is used.</summary>
    public TimeSpan LlmTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How many of the nearest examples the LLM is shown as labelled examples.</summary>
    [Range(0, 50)]
    public int LlmExamples { get; set; } = 12;
}
