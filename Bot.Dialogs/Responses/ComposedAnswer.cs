using Bot.Knowledge.Search;

namespace Bot.Dialogs.Responses;

/// <summary>An answer ready to send: its text, where it came from (<c>kb</c>, <c>learned</c>, <c>llm</c>, <c>none</c>) and its sources.</summary>
public sealed record ComposedAnswer(string Text, string AnswerSource, IReadOnlyList<KnowledgeHit> Sources)
{
    /// <summary>The chunks the text was taken from (a thumbs-down counts against these), a subset of the evidence.</summary>
    public IReadOnlyList<long> ChunkIds { get; init; } = [];

    /// <summary>The title of the main source, for the conversation summary; null when there is none.</summary>
    public string? Title => Sources.Count > 0 ? Sources[0].Title : null;
}
