using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>
/// Logs the inbound activity and every outbound, updated (as messageUpdate) and deleted (as messageDelete)
/// activity of a turn, in order, once the turn is done.
/// </summary>
public sealed class TranscriptLoggerMiddleware : IMiddleware
{
    private readonly ITranscriptLogger _logger;

    public TranscriptLoggerMiddleware(ITranscriptLogger transcriptLogger)
    {
        _logger = transcriptLogger ?? throw new ArgumentNullException(nameof(transcriptLogger), "TranscriptLoggerMiddleware requires a ITranscriptLogger implementation.");
    }

    /// <inheritdoc/>
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var transcript = new Queue<Activity>();
        var inbound = turnContext.Activity;
        inbound.From ??= new ChannelAccount();
        if (string.IsNullOrEmpty(inbound.From.Role))
        {
            inbound.From.Role = RoleTypes.User;
        }

        // Proactive turns start with a synthetic ContinueConversation event that never was part of the conversation.
        if (!(inbound.Type == ActivityTypes.Event && inbound.Name == ActivityEventNames.ContinueConversation))
        {
            Enqueue(transcript, CloneWithId(inbound));
        }

        turnContext.OnSendActivities(async (_, activities, nextSend) =>
        {
            var responses = await nextSend();
            foreach (var activity in activities)
            {
                Enqueue(transcript, CloneWithId(activity));
            }

            return responses;
        });

        turnContext.OnUpdateActivity(async (_, activity, nextUpdate) =>
        {
            var response = await nextUpdate();
            var update = CloneWithId(activity);
            update.Type = ActivityTypes.MessageUpdate;
            Enqueue(transcript, update);
            return response;
        });

        turnContext.OnDeleteActivity(async (_, reference, nextDelete) =>
        {
            await nextDelete();
            var delete = new Activity(ActivityTypes.MessageDelete) { Id = reference.ActivityId }
                .ApplyConversationReference(reference, isIncoming: false);
            Enqueue(transcript, CloneWithId(delete));
        });

        await next(cancellationToken);

        while (TryDequeue(transcript, out var activity))
        {
            try
            {
                await _logger.LogActivityAsync(activity, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A broken transcript store must not fail the user's turn (SDK behaviour).
                System.Diagnostics.Trace.TraceError($"Transcript logActivity failed with {ex}");
            }
        }
    }

    private static Activity CloneWithId(Activity activity)
    {
        var clone = activity.Clone();
        if (string.IsNullOrEmpty(clone.Id))
        {
            clone.Id = $"g_{Guid.NewGuid()}";
        }

        return clone;
    }

    private static void Enqueue(Queue<Activity> transcript, Activity activity)
    {
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        lock (transcript)
        {
            transcript.Enqueue(activity);
        }
    }

    private static bool TryDequeue(Queue<Activity> transcript, out Activity activity)
    {
        lock (transcript)
        {
            return transcript.TryDequeue(out activity!);
        }
    }
}
