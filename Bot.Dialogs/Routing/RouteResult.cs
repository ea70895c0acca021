namespace Bot.Dialogs.Routing;

/// <summary>The Router agent's verdict: a route (category), how sure it is (0..1, calibrated), and the intent.</summary>
public sealed record RouteResult(string Category, double Confidence, string Intent)
{
    /// <summary>How sure the router is of the intent (0..1).</summary>
    public double IntentConfidence { get; init; } = Confidence;

    /// <summary>What decided: <c>rules</c>, <c>examples</c> (the learned local model), <c>llm</c>, or <c>keywords</c> (no examples yet).</summary>
    public string Model { get; init; } = RouterModels.Keywords;

    /// <summary>The cosine similarity of the nearest in-scope example (0 when unknown): low means unlike anything the router was taught.</summary>
    public double NearestSimilarity { get; init; }
}
