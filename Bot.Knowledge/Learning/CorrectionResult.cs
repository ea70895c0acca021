namespace Bot.Knowledge.Learning;

/// <summary>What a correction changed: the learned answer's id, and the route of the router example added (null when none was).</summary>
public sealed record CorrectionResult(long LearnedAnswerId, string? RouterExampleRoute);
