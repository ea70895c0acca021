namespace Bot.Dialogs.Agents;

/// <summary>An answer the bot gave, so a later rating can be tied to the exact activity and passages.</summary>
public sealed class AnswerRecord
{
    public required string AnswerKey { get; init; }

    public string? ActivityId { get; set; }

    public required string Question { get; init; }

    public string? Route { get; init; }

    public List<long> ChunkIds { get; init; } = [];
}
