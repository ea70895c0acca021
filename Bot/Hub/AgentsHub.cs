using Bot.Api;
using Bot.Auth;
using Bot.Knowledge.Learning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Bot.Hub;

/// <summary>
/// The SignalR hub at <c>/hubs/agents</c> the people of the hub work through (contract: docs/hub.md). Every
/// method goes to <see cref="HandoffDesk"/>, as the REST API does; a refused request is a <see cref="HubException"/>
/// whose message the page shows (<c>taken</c> when someone else was first). A person's handoffs stay theirs across
/// disconnects: the page calls <see cref="GetQueue"/> again on reconnect.
/// </summary>
[Authorize(Policy = Policies.Agent)]
public sealed class AgentsHub(HandoffDesk desk, CorrectionService corrections, HandoffNotifier notifier) : Microsoft.AspNetCore.SignalR.Hub
{
    public const string Path = "/hubs/agents";

    private AgentIdentity Who => AgentIdentity.From(Context.User!);

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HandoffNotifier.GroupOf(Who.Username), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public Task<IReadOnlyList<HandoffView>> GetQueue() => Run(() => desk.QueueAsync(Who, Context.ConnectionAborted));

    public Task<HandoffDetail> GetHandoff(long id) => Run(() => desk.DetailAsync(Who, id, Context.ConnectionAborted));

    public Task<HandoffDetail> Take(long id) => Run(() => desk.TakeAsync(Who, id, Context.ConnectionAborted));

    public Task<string> Reply(long id, string text) => Run(() => desk.ReplyAsync(Who, id, text, Context.ConnectionAborted));

    public Task Typing(long id) => Run(async () =>
    {
        await desk.TypingAsync(Who, id, Context.ConnectionAborted);
        return true;
    });

    public Task<HandoffView> Resolve(long id, string? note) => Run(() => desk.ResolveAsync(Who, id, note, Context.ConnectionAborted));

    public Task<HandoffView> Release(long id) => Run(() => desk.ReleaseAsync(Who, id, Context.ConnectionAborted));

    public Task<HandoffView> Transfer(long id, string? agent, string? group) => Run(() => desk.TransferAsync(Who, id, agent, group, Context.ConnectionAborted));

    public Task SaveNote(long id, string? note) => Run(async () =>
    {
        await desk.SaveNoteAsync(Who, id, note, Context.ConnectionAborted);
        return true;
    });

    /// <summary>"Teach the bot": the same check and the same service as <c>POST /api/feedback/corrections</c>.</summary>
    public async Task<TeachResult> Teach(string? question, string? answer, string? route, string? activityId)
    {
        var (correction, error) = CorrectionInput.Read(question, answer, route, activityId, Context.User?.Identity?.Name);
        if (correction is null)
        {
            throw new HubException(error);
        }
        var result = await corrections.ApplyAsync(correction, Context.ConnectionAborted);
        await notifier.CorrectionAppliedAsync(result.LearnedAnswerId, correction.Question, Context.ConnectionAborted);
        return new TeachResult(result.LearnedAnswerId, result.RouterExampleRoute);
    }

    private static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (HandoffDeskException ex)
        {
            throw new HubException(ex.Code == HandoffDeskException.Taken ? HandoffDeskException.Taken : ex.Message);
        }
    }
}

/// <summary>What <see cref="AgentsHub.Teach"/> returns: the learned answer, and the route of the router example added (if any).</summary>
public sealed record TeachResult(long LearnedAnswerId, string? Route);
