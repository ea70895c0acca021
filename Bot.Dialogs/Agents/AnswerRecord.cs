namespace Bot.Dialogs.Agents;

/// <summary>An answer the bot gave, so a later rating can be tied to the exact activity and passages.</summary>
public sealed class AnswerRecord
{
    public required string AnswerKey { get; init; }

    public string? ActivityId { get; set; }

    public required string Question { get; init; }

    public string? Route { get; init; }

    /// <summary>Every passage the search returned for the question (stored with feedback).</summary>
    public List<long> ChunkIds { get; init; } = [];

    /// <summary>The passages the answer's text came from (a thumbs-down counts against these).</summary>
    public List<long> AnswerChunkIds { get; init; } = [];

    public string? AnswerSource { get; init; }

    public string? Title { get; init; }

    /// <summary>The learned answer given, when the answer came from a correction.</summary>
    public long? LearnedAnswerId { get; init; }
}
