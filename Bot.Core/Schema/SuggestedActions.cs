namespace Bot.Core.Schema;

/// <summary>Buttons shown once under a message; an empty or missing <see cref="To"/> means everyone.</summary>
public sealed class SuggestedActions
{
    public SuggestedActions()
    {
    }

    public SuggestedActions(IEnumerable<string>? to, IEnumerable<CardAction> actions)
    {
        To = to?.ToList();
        Actions = actions.ToList();
    }

    public List<string>? To { get; set; }

    public List<CardAction> Actions { get; set; } = [];
}
