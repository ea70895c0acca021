using Bot.Knowledge.Handoffs;
using Microsoft.AspNetCore.SignalR;

namespace Bot.Hub;

/// <summary>
/// Pushes handoff news to the hub's connected people (<see cref="AgentsHub"/>). Each connection is in exactly one
/// SignalR group, its person's, so a push goes to each person once: the admins, the handoff's assignee, and either the
/// agent it was transferred to or the agents of its group.
/// </summary>
public sealed class HandoffNotifier(IHubContext<AgentsHub> hub, AgentAccountStore accounts)
{
    public static string GroupOf(string username) => "agent:" + username;

    public async Task HandoffQueuedAsync(HandoffView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var to = await RecipientsAsync(view.Group, view.RequestedAgent, view.AssignedTo, null, cancellationToken);
        await hub.Clients.Groups(to).SendAsync("handoffQueued", view, cancellationToken);
    }

    /// <summary>Any change; <paramref name="before"/> also reaches those who saw the handoff before it (a transfer, a take).</summary>
    public async Task HandoffChangedAsync(HandoffView view, HandoffRecord? before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var to = await RecipientsAsync(view.Group, view.RequestedAgent, view.AssignedTo, before, cancellationToken);
        await hub.Clients.Groups(to).SendAsync("handoffChanged", view, cancellationToken);
    }

    public async Task CustomerMessageAsync(HandoffRecord handoff, TranscriptItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await hub.Clients.Groups(await RecipientsAsync(handoff, cancellationToken)).SendAsync("customerMessage", handoff.Id, item, cancellationToken);
    }

    public async Task CustomerTypingAsync(HandoffRecord handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await hub.Clients.Groups(await RecipientsAsync(handoff, cancellationToken)).SendAsync("customerTyping", handoff.Id, cancellationToken);
    }

    public async Task TranscriptItemsAsync(HandoffRecord handoff, IReadOnlyList<TranscriptItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }
        var to = await RecipientsAsync(handoff, cancellationToken);
        foreach (var item in items)
        {
            await hub.Clients.Groups(to).SendAsync("transcriptItem", handoff.Id, item, cancellationToken);
        }
    }

    public Task CorrectionAppliedAsync(long learnedAnswerId, string question, CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync("correctionApplied", new { learnedAnswerId, question }, cancellationToken);

    private Task<IReadOnlyList<string>> RecipientsAsync(HandoffRecord handoff, CancellationToken cancellationToken) =>
        RecipientsAsync(handoff.Group, handoff.RequestedAgent, handoff.AssignedTo, null, cancellationToken);

    private async Task<IReadOnlyList<string>> RecipientsAsync(
        string? group, string? requestedAgent, string? assignedTo, HandoffRecord? before, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { AgentIdentity.ApiKeyUsername };
        names.UnionWith(await accounts.WatchersAsync(requestedAgent is null ? group : null, cancellationToken));
        foreach (var name in new[] { requestedAgent, assignedTo, before?.AssignedTo, before?.RequestedAgent })
        {
            if (name is not null)
            {
                names.Add(name);
            }
        }
        if (before is not null && before.RequestedAgent is null && before.Group != group)
        {
            names.UnionWith(await accounts.WatchersAsync(before.Group, cancellationToken));
        }
        return names.Select(GroupOf).ToList();
    }
}
