namespace Bot.Evaluation;

/// <summary>What an evaluation run uses: the database, the content it seeds, and model switches.</summary>
public sealed record EvalSettings(
    bool CurrentDatabase,
    IReadOnlyList<string> KnowledgePaths,
    IReadOnlyList<string> RouterSeedPaths,
    bool? TextClassifier);
