using System.Text.Json.Serialization;

namespace Bot.Hub;

/// <summary>One line of a conversation as the hub shows it: plain text, never HTML.</summary>
/// <param name="Id">The activity's id.</param>
/// <param name="From"><c>customer</c>, <c>bot</c>, <c>agent</c> or <c>system</c>.</param>
/// <param name="Name">The agent's (or customer's) display name, when known.</param>
/// <param name="Text">Plain text.</param>
/// <param name="Timestamp">When it was sent (UTC).</param>
/// <param name="Answer">Set on bot messages that answered a question (those can be corrected: "Teach the bot").</param>
public sealed record TranscriptItem(
    string Id,
    string From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Name,
    string Text,
    DateTimeOffset Timestamp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] AnsweredQuestion? Answer)
{
    public const string Customer = "customer";
    public const string Bot = "bot";
    public const string Agent = "agent";
    public const string System = "system";
}

/// <summary>The customer question a bot message answered, and its route.</summary>
public sealed record AnsweredQuestion(string Question, string? Route);
