using Bot.Core.Schema;

namespace Bot.Knowledge.Handoffs;

/// <summary>A conversation to hand to a person.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="UserId">The customer, when known.</param>
/// <param name="ChannelId">The channel (directline, msteams, ...).</param>
/// <param name="Route">The route of the message that escalated.</param>
/// <param name="Reasons">Every escalation signal that fired.</param>
/// <param name="Summary">A short summary for the agent.</param>
/// <param name="Transcript">The conversation so far (oldest first).</param>
/// <param name="TranscriptSeq">The last <c>transcript_activities</c> sequence number the transcript covers, when read from there.</param>
public sealed record HandoffRequest(
    string ConversationId,
    string? UserId,
    string? ChannelId,
    string? Route,
    IReadOnlyList<string> Reasons,
    string Summary,
    IReadOnlyList<Activity> Transcript,
    long? TranscriptSeq)
{
    /// <summary>The customer's display name, when the channel gives one.</summary>
    public string? UserName { get; init; }
}
