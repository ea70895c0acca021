using System.Text.Json;
using Bot.Core.Schema;
using Bot.Http;

namespace Bot.Connector;

/// <summary><c>POST /api/messages</c>: hands a Bot Connector activity, once authenticated, to the adapter.</summary>
public static class ConnectorEndpoints
{
    private const long MaxActivityBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).WithName("BotMessages").WithTags("Bot Connector").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IChannelAuthenticator authenticator, ConnectorAdapter adapter, CancellationToken cancellationToken)
    {
        var (activity, problem) = await JsonBody.ReadAsync<Activity>(request, MaxActivityBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrEmpty(activity!.Type) || string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return ApiProblem.BadArgument("The activity needs type, conversation.id and serviceUrl.");
        }
        if (await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), activity, cancellationToken) is { } failure)
        {
            return ApiProblem.Unauthorized(failure);
        }

        var result = await adapter.ProcessAsync(activity, CancellationToken.None);
        if (result.InvokeResponse is { } invoke)
        {
            return invoke.Body is null
                ? Results.StatusCode(invoke.Status)
                : Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);
        }
        return Results.Ok();
    }
}
