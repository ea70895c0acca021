using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>Stores the activities of a conversation, as <see cref="TranscriptLoggerMiddleware"/> hands them over.</summary>
public interface ITranscriptLogger
{
    /// <summary>Stores one activity.</summary>
    /// <param name="activity">A copy of the activity, with id and timestamp filled.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the activity is stored.</returns>
    Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default);
}
