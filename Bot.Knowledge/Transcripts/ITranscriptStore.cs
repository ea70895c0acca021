using Bot.Core.Schema;

namespace Bot.Knowledge.Transcripts;

/// <summary>
/// Every activity of every conversation, in order. The sequence number of an activity is its position in the
/// conversation (0-based) and doubles as the Direct Line watermark.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Creates the conversation if it does not exist yet; returns true when it was created.</summary>
    Task<bool> EnsureConversationAsync(ConversationRecord conversation, CancellationToken cancellationToken);

    /// <summary>Reads a conversation's record, or null when there is none.</summary>
    Task<ConversationRecord?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity, stamping its UTC <see cref="Activity.Timestamp"/> and, when <paramref name="assignId"/> is set,
    /// its id as <c>{conversationId}|{seq:D7}</c>. The conversation must exist. Returns the stored entry.
    /// </summary>
    Task<TranscriptEntry> AppendAsync(Activity activity, bool assignId, CancellationToken cancellationToken);

    /// <summary>Activities with a sequence number above <paramref name="afterSeq"/> (-1 for all), oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces a stored activity (message update); returns false when the id is unknown.</summary>
    Task<bool> ReplaceAsync(Activity activity, CancellationToken cancellationToken);
}
