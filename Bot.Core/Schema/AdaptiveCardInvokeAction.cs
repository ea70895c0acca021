namespace Bot.Core.Schema;

/// <summary>The Action.Execute that triggered an <c>adaptiveCard/action</c> invoke.</summary>
public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Verb { get; set; }

    public object? Data { get; set; }
}
