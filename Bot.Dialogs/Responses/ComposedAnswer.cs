using Bot.Knowledge.Search;

namespace Bot.Dialogs.Responses;

/// <summary>An answer ready to send: its text, where it came from (<c>kb</c>, <c>learned</c>, <c>llm</c>, <c>none</c>) and its sources.</summary>
public sealed record ComposedAnswer(string Text, string AnswerSource, IReadOnlyList<KnowledgeHit> Sources);
