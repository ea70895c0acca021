using System.Globalization;
using Bot.Core.Schema;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket API under <c>/v3/directline</c>.</summary>
public static class DirectLineEndpoints
{
    public const string BasePath = DirectLineUrls.BasePath;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Direct Line").RequireCors(DirectLineCors.PolicyName);
        group.MapPost("/tokens/generate", GenerateTokenAsync).WithName("DirectLineGenerateToken");
        group.MapPost("/tokens/refresh", RefreshTokenAsync).WithName("DirectLineRefreshToken");
        group.MapPost("/conversations", StartConversationAsync).WithName("DirectLineStartConversation");
        group.MapGet("/conversations/{conversationId}", ReconnectAsync).WithName("DirectLineReconnect");
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).WithName("DirectLineGetActivities");
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).WithName("DirectLinePostActivity");
        group.Map("/conversations/{conversationId}/stream", StreamAsync).WithName("DirectLineStream");
        group.MapDirectLineAttachments();
        return app;
    }

    private static async Task<Results<Ok<DirectLineConversation>, ProblemHttpResult>> GenerateTokenAsync(
        HttpRequest request, DirectLineAuthenticator auth, DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, problem) = await auth.AuthenticateAsync(request);
        if (problem is not null)
        {
            return problem;
        }
        if (!caller!.IsSecret)
        {
            return ApiProblem.Forbidden("BadArgument", "Generating a token needs the Direct Line secret.");
        }
        var (parameters, bodyProblem) = await JsonBody.ReadAsync<TokenParameters>(request, options.Value.MaxActivityBytes, allowEmpty: true, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }
        var userId = parameters?.User?.Id;
        if (userId is not null && !DirectLineIds.IsValidUserId(userId))
        {
            return ApiProblem.BadArgument("user.id must start with 'dl_' followed by 16 to 64 URL-safe characters.");
        }
        var token = channel.IssueToken(userId, parameters?.User?.Name);
        return TypedResults.Ok(new DirectLineConversation(token.ConversationId, token.Token, token.ExpiresIn));
    }

    /// <summary>A new token for the same conversation and user; refused once the conversation expired (DirectLineJS stops on 404).</summary>
    private static async Task<Results<Ok<DirectLineConversation>, ProblemHttpResult>> RefreshTokenAsync(
        HttpRequest request, DirectLineAuthenticator auth, DirectLineConversations conversations, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var (caller, problem) = await auth.AuthenticateAsync(request);
        if (problem is not null)
        {
            return problem;
        }
        if (caller!.IsSecret)
        {
            return ApiProblem.BadArgument("Refresh a token with the token itself, not with the secret.");
        }
        var lookup = await conversations.FindAsync(caller.ConversationId!, cancellationToken);
        if (lookup.Expired)
        {
            return DirectLineAccess.NotFound(lookup);
        }
        var token = tokens.CreateConversationToken(caller.ConversationId!, caller.UserId!, caller.UserName);
        return TypedResults.Ok(new DirectLineConversation(caller.ConversationId!, token, tokens.LifetimeSeconds));
    }

    private static async Task<Results<Created<DirectLineConversation>, Ok<DirectLineConversation>, ProblemHttpResult>> StartConversationAsync(
        HttpRequest request, DirectLineAuthenticator auth, DirectLineConversations conversations, DirectLineChannel channel, DirectLineTokens tokens,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (caller, problem) = await auth.AuthenticateAsync(request);
        if (problem is not null)
        {
            return problem;
        }
        var (parameters, bodyProblem) = await JsonBody.ReadAsync<TokenParameters>(request, options.Value.MaxActivityBytes, allowEmpty: true, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }
        if (!caller!.IsSecret && await conversations.FindAsync(caller.ConversationId!, cancellationToken) is { Expired: true } expired)
        {
            return DirectLineAccess.NotFound(expired);
        }

        var (conversation, created, replayAfter) = await channel.StartAsync(caller, parameters?.User, DirectLineUrls.ServiceUrl(request), cancellationToken);
        var body = new DirectLineConversation(
            conversation.Id,
            tokens.CreateConversationToken(conversation.Id, conversation.UserId!, caller.UserName ?? parameters?.User?.Name),
            tokens.LifetimeSeconds,
            DirectLineUrls.StreamUrl(request, tokens, conversation, replayAfter));
        return created
            ? TypedResults.Created($"{BasePath}/conversations/{conversation.Id}", body)
            : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<DirectLineConversation>, ProblemHttpResult>> ReconnectAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAccess access, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var (conversation, caller, problem) = await access.AuthorizeAsync(conversationId, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!TryParseWatermark(watermark, conversation!.LastSeq, out var afterSeq))
        {
            return ApiProblem.BadArgument($"'{watermark}' is not a watermark this conversation gave out.");
        }
        var token = tokens.CreateConversationToken(conversation.Id, caller!.UserId ?? conversation.UserId!, caller.UserName);
        return TypedResults.Ok(new DirectLineConversation(
            conversation.Id, token, tokens.LifetimeSeconds, DirectLineUrls.StreamUrl(request, tokens, conversation, afterSeq)));
    }

    private static async Task<Results<Ok<ActivitySet>, ProblemHttpResult>> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAccess access, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (conversation, _, problem) = await access.AuthorizeAsync(conversationId, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!TryParseWatermark(watermark, -1, out var afterSeq))
        {
            return ApiProblem.BadArgument($"'{watermark}' is not a watermark this conversation gave out.");
        }
        return TypedResults.Ok(await channel.ReadAsync(conversation!.Id, afterSeq, cancellationToken));
    }

    private static async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineAccess access, DirectLineChannel channel, IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var (conversation, caller, problem) = await access.AuthorizeAsync(conversationId, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (activity, bodyProblem) = await JsonBody.ReadAsync<Activity>(request, options.Value.MaxActivityBytes, allowEmpty: false, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }
        if (string.IsNullOrEmpty(activity!.Type))
        {
            return ApiProblem.BadArgument("The activity needs a type, such as \"message\".");
        }

        // The bot's turn runs to completion even if the client goes away, so nothing half-done is left behind.
        var result = await channel.PostAsync(conversation!, caller!, activity, DirectLineUrls.ServiceUrl(request), CancellationToken.None);
        return ToResponse(result);
    }

    internal static Results<Ok<ResourceResponse>, ProblemHttpResult> ToResponse(PostResult result) =>
        result.BotFailed
            ? ApiProblem.Create(StatusCodes.Status502BadGateway, "BotError", "Failed to send activity: bot returned an error")
            : TypedResults.Ok(new ResourceResponse { Id = result.Id });

    /// <summary>
    /// The WebSocket, authorized by the short-lived <c>t</c> token of its stream URL. Everything that can refuse it
    /// (including the socket limit) answers with problem details before the upgrade.
    /// </summary>
    private static async Task<IResult> StreamAsync(
        string conversationId, string? watermark, string? t, HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations,
        ConversationStreams streams, DirectLineStream stream, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return ApiProblem.BadArgument("This URL is a WebSocket stream; connect with a WebSocket client.");
        }
        var check = string.IsNullOrEmpty(t) ? TokenCheck.Invalid : await tokens.ValidateStreamTokenAsync(t);
        if (check.Status != TokenStatus.Valid)
        {
            return ApiProblem.Unauthorized("The stream URL has expired or is not valid; reconnect to get a new one.");
        }
        if (!check.Caller!.MayAccess(conversationId))
        {
            return ApiProblem.Forbidden("BadArgument", "This stream URL belongs to another conversation.");
        }
        var lookup = await conversations.FindAsync(conversationId, cancellationToken);
        if (!lookup.IsActive)
        {
            return DirectLineAccess.NotFound(lookup);
        }
        var conversation = lookup.Conversation!;
        if (!TryParseWatermark(watermark, conversation.LastSeq, out var afterSeq))
        {
            return ApiProblem.BadArgument($"'{watermark}' is not a watermark this conversation gave out.");
        }

        using var subscription = streams.TrySubscribe(conversation.Id, options.Value.MaxOpenSockets);
        if (subscription is null)
        {
            context.Response.Headers.RetryAfter = "30";
            return ApiProblem.Create(StatusCodes.Status503ServiceUnavailable, "TooManySockets",
                "This server has as many WebSockets open as it allows; try again shortly, or poll for activities.");
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, subscription, conversation, afterSeq, context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Empty or "-" means "from now on" (<paramref name="whenAbsent"/>); otherwise the decimal sequence number given out earlier.</summary>
    private static bool TryParseWatermark(string? watermark, long whenAbsent, out long afterSeq)
    {
        if (string.IsNullOrEmpty(watermark) || watermark == "-")
        {
            afterSeq = whenAbsent;
            return true;
        }
        return long.TryParse(watermark, NumberStyles.Integer, CultureInfo.InvariantCulture, out afterSeq) && afterSeq >= -1;
    }
}
