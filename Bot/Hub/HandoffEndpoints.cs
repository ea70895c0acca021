using System.Security.Claims;
using Bot.Auth;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Hub;

/// <summary>The handoff queue over REST for integrations (<c>/api/handoffs</c>): the same desk as the SignalR hub, the same sign-in.</summary>
public static class HandoffEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapHandoffApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/handoffs").WithTags("Handoffs").RequireAuthorization(Policies.Agent);
        group.MapGet("/", ListAsync).WithName("ListHandoffs").WithSummary("Handoffs the caller may see: open ones, or those in ?state=.");
        group.MapGet("/{id:long}", DetailAsync).WithName("GetHandoff").WithSummary("A handoff with its transcript and notes.");
        group.MapPost("/{id:long}/take", TakeAsync).WithName("TakeHandoff").WithSummary("Takes a queued handoff (409 when someone else was first).");
        group.MapPost("/{id:long}/reply", ReplyAsync).WithName("ReplyToHandoff").WithSummary("Sends the holder's message to the customer.");
        group.MapPost("/{id:long}/resolve", ResolveAsync).WithName("ResolveHandoff").WithSummary("Resolves the handoff; the customer gets the satisfaction card.");
        group.MapPost("/{id:long}/release", ReleaseAsync).WithName("ReleaseHandoff").WithSummary("Gives the conversation back to the bot.");
        group.MapPost("/{id:long}/transfer", TransferAsync).WithName("TransferHandoff").WithSummary("Puts the handoff back in the queue for an agent or a group.");
        return app;
    }

    private static Task<Results<Ok<HandoffList>, ProblemHttpResult>> ListAsync(string? state, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        Run(async () => TypedResults.Ok(new HandoffList(await desk.ListAsync(AgentIdentity.From(user), string.IsNullOrEmpty(state) ? null : state, cancellationToken))));

    private static Task<Results<Ok<HandoffDetail>, ProblemHttpResult>> DetailAsync(long id, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        Run(async () => TypedResults.Ok(await desk.DetailAsync(AgentIdentity.From(user), id, cancellationToken)));

    private static Task<Results<Ok<HandoffDetail>, ProblemHttpResult>> TakeAsync(long id, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        Run(async () => TypedResults.Ok(await desk.TakeAsync(AgentIdentity.From(user), id, cancellationToken)));

    private static async Task<Results<Accepted<ReplyResponse>, ProblemHttpResult>> ReplyAsync(
        long id, HttpRequest request, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReplyRequest>(request, MaxBodyBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await Run(async () => TypedResults.Accepted((string?)null, new ReplyResponse(await desk.ReplyAsync(AgentIdentity.From(user), id, body!.Text, cancellationToken))));
    }

    private static async Task<Results<Ok<HandoffView>, ProblemHttpResult>> ResolveAsync(
        long id, HttpRequest request, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ResolveRequest>(request, MaxBodyBytes, allowEmpty: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await Run(async () => TypedResults.Ok(await desk.ResolveAsync(AgentIdentity.From(user), id, body?.Note, cancellationToken)));
    }

    private static Task<Results<Ok<HandoffView>, ProblemHttpResult>> ReleaseAsync(long id, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken) =>
        Run(async () => TypedResults.Ok(await desk.ReleaseAsync(AgentIdentity.From(user), id, cancellationToken)));

    private static async Task<Results<Ok<HandoffView>, ProblemHttpResult>> TransferAsync(
        long id, HttpRequest request, ClaimsPrincipal user, HandoffDesk desk, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<TransferRequest>(request, MaxBodyBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await Run(async () => TypedResults.Ok(await desk.TransferAsync(AgentIdentity.From(user), id, body!.Agent, body.Group, cancellationToken)));
    }

    private static async Task<Results<T, ProblemHttpResult>> Run<T>(Func<Task<T>> action)
        where T : IResult
    {
        try
        {
            return await action();
        }
        catch (HandoffDeskException ex)
        {
            return ApiProblem.Create(ex.Status, ex.Code, ex.Message);
        }
    }

    public sealed record HandoffList(IReadOnlyList<HandoffView> Items);

    public sealed record ReplyRequest(string? Text);

    public sealed record ReplyResponse(string Id);

    public sealed record ResolveRequest(string? Note);

    public sealed record TransferRequest(string? Agent, string? Group);
}
