namespace Bot.Dialogs.Responses;

/// <summary>Values of <c>supportTrace.answerSource</c>.</summary>
public static class AnswerSources
{
    public const string KnowledgeBase = "kb";
    public const string Learned = "learned";
    public const string Llm = "llm";
    public const string None = "none";
}
