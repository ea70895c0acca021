namespace Bot.Dialogs.Routing;

/// <summary>The local model's raw verdict before rules: the top route and intent with their probabilities, and the neighbours consulted.</summary>
public sealed record RouterVerdict(
    string Route,
    double RouteProbability,
    string? Intent,
    double IntentProbability,
    double NearestSimilarity,
    double NearestInScopeSimilarity,
    bool ExactMatch,
    IReadOnlyList<RouterNeighbour> Neighbours);

/// <summary>A stored example near the message.</summary>
public sealed record RouterNeighbour(string Text, string Route, string? Intent, double Similarity);
