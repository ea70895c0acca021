using System.Globalization;
using Bot.Core.Schema;
using Bot.Http;
using Bot.Knowledge.Transcripts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket API under <c>/v3/directline</c>.</summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

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

    private static async Task<Results<Ok<DirectLineConversation>, ProblemHttpResult>> RefreshTokenAsync(
        HttpRequest request, DirectLineAuthenticator auth, DirectLineTokens tokens)
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
        var token = tokens.CreateConversationToken(caller.ConversationId!, caller.UserId!, caller.UserName);
        return TypedResults.Ok(new DirectLineConversation(caller.ConversationId!, token, tokens.LifetimeSeconds));
    }

    private static async Task<Results<Created<DirectLineConversation>, Ok<DirectLineConversation>, ProblemHttpResult>> StartConversationAsync(
        HttpRequest request, DirectLineAuthenticator auth, DirectLineChannel channel, DirectLineTokens tokens,
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

        var (conversation, created, replayAfter) = await channel.StartAsync(caller!, parameters?.User, ServiceUrl(request), cancellationToken);
        var body = new DirectLineConversation(
            conversation.Id,
            tokens.CreateConversationToken(conversation.Id, conversation.UserId!, caller!.UserName ?? parameters?.User?.Name),
            tokens.LifetimeSeconds,
            StreamUrl(request, tokens, conversation, replayAfter));
        return created
            ? TypedResults.Created($"{BasePath}/conversations/{conversation.Id}", body)
            : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<DirectLineConversation>, ProblemHttpResult>> ReconnectAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuthenticator auth, ITranscriptStore transcripts,
        DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var (conversation, caller, problem) = await AuthorizeAsync(conversationId, request, auth, transcripts, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!TryParseWatermark(watermark, conversation!.LastSeq, out var afterSeq))
        {
            return ApiProblem.BadArgument($"'{watermark}' is not a watermark this conversation gave out.");
        }
        var token = tokens.CreateConversationToken(conversation.Id, caller!.UserId ?? conversation.UserId!, caller.UserName);
        return TypedResults.Ok(new DirectLineConversation(conversation.Id, token, tokens.LifetimeSeconds, StreamUrl(request, tokens, conversation, afterSeq)));
    }

    private static async Task<Results<Ok<ActivitySet>, ProblemHttpResult>> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuthenticator auth, ITranscriptStore transcripts,
        DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (conversation, _, problem) = await AuthorizeAsync(conversationId, request, auth, transcripts, cancellationToken);
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
        string conversationId, HttpRequest request, DirectLineAuthenticator auth, ITranscriptStore transcripts,
        DirectLineChannel channel, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, caller, problem) = await AuthorizeAsync(conversationId, request, auth, transcripts, cancellationToken);
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
        var result = await channel.PostAsync(conversation!, caller!, activity, ServiceUrl(request), CancellationToken.None);
        return result.BotFailed
            ? ApiProblem.Create(StatusCodes.Status502BadGateway, "BotError", "Failed to send activity: bot returned an error")
            : TypedResults.Ok(new ResourceResponse { Id = result.Id });
    }

    private static async Task<IResult> StreamAsync(
        string conversationId, string? watermark, string? t, HttpContext context, DirectLineTokens tokens, ITranscriptStore transcripts,
        DirectLineStream stream, CancellationToken cancellationToken)
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
        var conversation = await transcripts.FindConversationAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return ApiProblem.NotFound("Conversation not found.");
        }
        if (!TryParseWatermark(watermark, conversation.LastSeq, out var afterSeq))
        {
            return ApiProblem.BadArgument($"'{watermark}' is not a watermark this conversation gave out.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversation, afterSeq, context.RequestAborted);
        return Results.Empty;
    }

    private static async Task<(ConversationRecord? Conversation, DirectLineCaller? Caller, ProblemHttpResult? Problem)> AuthorizeAsync(
        string conversationId, HttpRequest request, DirectLineAuthenticator auth, ITranscriptStore transcripts, CancellationToken cancellationToken)
    {
        var (caller, problem) = await auth.AuthenticateAsync(request);
        if (problem is not null)
        {
            return (null, null, problem);
        }
        if (!caller!.MayAccess(conversationId))
        {
            return (null, null, ApiProblem.Forbidden("BadArgument", "This token belongs to another conversation."));
        }
        var conversation = await transcripts.FindConversationAsync(conversationId, cancellationToken);
        return conversation is null
            ? (null, null, ApiProblem.NotFound("Conversation not found."))
            : (conversation, caller, null);
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

    private static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    private static string StreamUrl(HttpRequest request, DirectLineTokens tokens, ConversationRecord conversation, long afterSeq)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var watermark = afterSeq >= 0 ? afterSeq.ToString(CultureInfo.InvariantCulture) : "-1";
        var token = Uri.EscapeDataString(tokens.CreateStreamToken(conversation.Id, conversation.UserId));
        return $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?watermark={watermark}&t={token}";
    }
}
