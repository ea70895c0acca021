namespace Bot.Core.Schema;

/// <summary>Names of events the core itself creates.</summary>
public static class ActivityEventNames
{
    public const string ContinueConversation = "ContinueConversation";
    public const string CreateConversation = "CreateConversation";
}
