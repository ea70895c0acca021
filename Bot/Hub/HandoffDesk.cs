using System.Text.RegularExpressions;
using Bot.Knowledge;
using Bot.Knowledge.Handoffs;
using Microsoft.Extensions.Options;

namespace Bot.Hub;

/// <summary>
/// The one place handoffs are worked, for the SignalR hub and the REST API alike: who may see and change what, the
/// state change in the database (conditional, so a lost race is a 409, never a double take), the <c>handoff.status</c>
/// event into the customer's conversation, and the pushes to the people watching.
/// </summary>
public sealed partial class HandoffDesk(
    IHandoffStore store,
    HandoffViews views,
    ConversationMessenger messenger,
    HandoffNotifier notifier,
    TranscriptItems transcripts,
    AgentAccountStore accounts,
    IOptions<HubOptions> options,
    ILogger<HandoffDesk> logger)
{
    public const int MaxReplyLength = 4000;
    public const int MaxNoteLength = 4000;
    private const int ListLimit = 500;
    private static readonly string[] AssignedOnly = [HandoffStates.Assigned];
    private static readonly string[] Open = [HandoffStates.Queued, HandoffStates.Assigned];

    /// <summary>The open handoffs the person may see: queued in their groups or for them, assigned to them; admins see all.</summary>
    public async Task<IReadOnlyList<HandoffView>> QueueAsync(AgentIdentity who, CancellationToken cancellationToken) =>
        await ListAsync(who, null, cancellationToken);

    public async Task<IReadOnlyList<HandoffView>> ListAsync(AgentIdentity who, string? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (state is not null && !HandoffStates.IsKnown(state))
        {
            throw HandoffDeskException.BadArgument("state must be one of queued, assigned, resolved, released.");
        }
        var records = await store.ListAsync(state, ListLimit, cancellationToken);
        var visible = records.Where(h => MaySee(who, h) && (who.IsAdmin || h.State != HandoffStates.Assigned || h.AssignedTo == who.Username || state is not null));
        var result = new List<HandoffView>();
        foreach (var handoff in visible)
        {
            result.Add(await views.ViewAsync(handoff, cancellationToken));
        }
        return result;
    }

    public async Task<HandoffDetail> DetailAsync(AgentIdentity who, long id, CancellationToken cancellationToken) =>
        await views.DetailAsync(await FindVisibleAsync(who, id, cancellationToken), cancellationToken);

    public async Task<HandoffDetail> TakeAsync(AgentIdentity who, long id, CancellationToken cancellationToken)
    {
        var before = await FindVisibleAsync(who, id, cancellationToken);
        if (before.State == HandoffStates.Assigned && before.AssignedTo == who.Username)
        {
            return await views.DetailAsync(before, cancellationToken);
        }
        var taken = await store.TakeAsync(id, who.Username, cancellationToken)
            ?? throw HandoffDeskException.Conflict(HandoffDeskException.Taken, "Someone else has taken this handoff, or it is no longer queued.");
        logger.LogInformation("Handoff {HandoffId} taken by {Agent}", id, who.Username);
        await SendStatusAsync(taken, new HandoffStatusEvent("accepted", $"{who.DisplayName} has joined.", id, null, new HandoffStatusAgent(who.DisplayName)), cancellationToken);
        var detail = await views.DetailAsync(taken, cancellationToken);
        await notifier.HandoffChangedAsync(detail, before, cancellationToken);
        return detail;
    }

    public async Task<string> ReplyAsync(AgentIdentity who, long id, string? text, CancellationToken cancellationToken)
    {
        var message = StorableText.Clean(text ?? "").Trim();
        if (message.Length == 0 || message.Length > MaxReplyLength)
        {
            throw HandoffDeskException.BadArgument($"text must be 1 to {MaxReplyLength} characters.");
        }
        var handoff = await FindHeldAsync(who, id, cancellationToken);
        var activityId = await messenger.SendMessageAsync(handoff, who.DisplayName, message, cancellationToken);
        var item = new TranscriptItem(activityId, TranscriptItem.Agent, who.DisplayName, message, DateTimeOffset.UtcNow, null);
        await notifier.TranscriptItemsAsync(handoff, [item], cancellationToken);
        return activityId;
    }

    public async Task TypingAsync(AgentIdentity who, long id, CancellationToken cancellationToken)
    {
        var handoff = await FindHeldAsync(who, id, cancellationToken);
        await messenger.SendTypingAsync(handoff, who.DisplayName, cancellationToken);
    }

    public async Task<HandoffView> ResolveAsync(AgentIdentity who, long id, string? note, CancellationToken cancellationToken)
    {
        if (note is { Length: > MaxNoteLength })
        {
            throw HandoffDeskException.BadArgument($"note is longer than {MaxNoteLength} characters.");
        }
        return await CloseAsync(who, id, HandoffStates.Resolved, HandoffOutcomes.Resolved, string.IsNullOrWhiteSpace(note) ? null : StorableText.Clean(note).Trim(), cancellationToken);
    }

    public Task<HandoffView> ReleaseAsync(AgentIdentity who, long id, CancellationToken cancellationToken) =>
        CloseAsync(who, id, HandoffStates.Released, HandoffOutcomes.Released, null, cancellationToken);

    public async Task<HandoffView> TransferAsync(AgentIdentity who, long id, string? agent, string? group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        agent = string.IsNullOrWhiteSpace(agent) ? null : StorableText.Clean(agent).Trim().ToLowerInvariant();
        group = string.IsNullOrWhiteSpace(group) ? null : StorableText.Clean(group).Trim().ToLowerInvariant();
        if (agent is null && group is null)
        {
            throw HandoffDeskException.BadArgument("Give the agent or the group to transfer to.");
        }
        if (group is not null && !GroupName().IsMatch(group))
        {
            throw HandoffDeskException.BadArgument("group must be 1 to 64 lower-case letters, digits, '_' or '-'.");
        }
        if (agent is not null && await accounts.FindAsync(agent, cancellationToken) is not { Disabled: false })
        {
            throw HandoffDeskException.BadArgument($"There is no agent '{agent}'.");
        }
        var before = await FindVisibleAsync(who, id, cancellationToken);
        var moved = await store.TransferAsync(new HandoffTransfer(id, who.Username, who.IsAdmin ? null : who.Username, agent, group), cancellationToken)
            ?? throw HandoffDeskException.Conflict("WrongState", "Only an open handoff you hold (or a queued one) can be transferred.");
        var view = await views.ViewAsync(moved, cancellationToken);
        await notifier.HandoffChangedAsync(view, before, cancellationToken);
        await notifier.HandoffQueuedAsync(view, cancellationToken);
        return view;
    }

    public async Task SaveNoteAsync(AgentIdentity who, long id, string? note, CancellationToken cancellationToken)
    {
        if (note is { Length: > MaxNoteLength })
        {
            throw HandoffDeskException.BadArgument($"note is longer than {MaxNoteLength} characters.");
        }
        await FindVisibleAsync(who, id, cancellationToken);
        await store.SaveNotesAsync(id, StorableText.CleanOrNull(note) ?? "", cancellationToken);
    }

    private async Task<HandoffView> CloseAsync(AgentIdentity who, long id, string state, string outcome, string? note, CancellationToken cancellationToken)
    {
        var before = await FindVisibleAsync(who, id, cancellationToken);
        var closed = await store.TransitionAsync(
            new HandoffTransition(id, who.Username, AssignedOnly, state, outcome, who.IsAdmin ? null : who.Username, note), cancellationToken)
            ?? throw HandoffDeskException.Conflict("WrongState", $"Handoff {id} is {before.State}{(before.AssignedTo is { } a ? " (" + a + ")" : "")}: only the person holding it can do that.");
        logger.LogInformation("Handoff {HandoffId} {Outcome} by {Agent}", id, outcome, who.Username);
        var agentName = before.AssignedTo is { } holder ? (await accounts.FindAsync(holder, cancellationToken))?.DisplayName ?? who.DisplayName : who.DisplayName;
        await SendStatusAsync(closed, new HandoffStatusEvent("completed", outcome == HandoffOutcomes.Resolved ? "Resolved." : "Back to the assistant.", id, outcome,
            new HandoffStatusAgent(agentName)), cancellationToken);
        var view = await views.ViewAsync(closed, cancellationToken);
        await notifier.HandoffChangedAsync(view, before, cancellationToken);
        return view;
    }

    /// <summary>Sends the event into the conversation and pushes what the bot said in answer to the people watching.</summary>
    private async Task SendStatusAsync(HandoffRecord handoff, HandoffStatusEvent status, CancellationToken cancellationToken)
    {
        try
        {
            var last = await messenger.LastSeqAsync(handoff.ConversationId, cancellationToken);
            await messenger.SendStatusAsync(handoff, status, cancellationToken);
            var items = (await transcripts.ReadAsync(handoff.ConversationId, handoff.UserId, cancellationToken))
                .Where(i => IsAfter(i.Id, handoff.ConversationId, last))
                .ToList();
            await notifier.TranscriptItemsAsync(handoff, items, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The state change stands (the database is the truth); the customer's conversation may simply be gone.
            logger.LogError(ex, "Could not send handoff.status {State} into {ConversationId}", status.State, handoff.ConversationId);
        }
    }

    private static bool IsAfter(string activityId, string conversationId, long seq) =>
        activityId.StartsWith(conversationId + "|", StringComparison.Ordinal)
        && long.TryParse(activityId.AsSpan(conversationId.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && n > seq;

    private async Task<HandoffRecord> FindVisibleAsync(AgentIdentity who, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var handoff = await store.FindAsync(id, cancellationToken);
        return handoff is not null && MaySee(who, handoff) ? handoff : throw HandoffDeskException.NotFound(id);
    }

    private async Task<HandoffRecord> FindHeldAsync(AgentIdentity who, long id, CancellationToken cancellationToken)
    {
        var handoff = await FindVisibleAsync(who, id, cancellationToken);
        if (handoff.State != HandoffStates.Assigned || handoff.AssignedTo != who.Username)
        {
            throw HandoffDeskException.Conflict("NotYours", $"Handoff {id} is {handoff.State}{(handoff.AssignedTo is { } a ? " (" + a + ")" : "")}: take it first.");
        }
        return handoff;
    }

    private static bool MaySee(AgentIdentity who, HandoffRecord handoff) => who.MaySee(handoff.Group, handoff.RequestedAgent, handoff.AssignedTo);

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex GroupName();
}
