namespace Bot.Core.Schema;

/// <summary>The value of an <c>adaptiveCard/action</c> invoke activity.</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    public object? Authentication { get; set; }

    public string? State { get; set; }

    public string? Trigger { get; set; }
}
