namespace Bot.Core.Schema;

/// <summary>The body returned for an <c>adaptiveCard/action</c> invoke (a card or a message or an error).</summary>
public sealed class AdaptiveCardInvokeResponse
{
    public int StatusCode { get; set; }

    public string? Type { get; set; }

    public object? Value { get; set; }
}
