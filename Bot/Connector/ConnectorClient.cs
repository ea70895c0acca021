using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bot.Core.Schema;

namespace Bot.Connector;

/// <summary>
/// The Bot Connector REST client: replies, updates and deletes activities, and creates conversations, at a channel's
/// <c>serviceUrl</c>, with the bot's bearer token. Retries are the HTTP client's (<see cref="ConnectorResilience"/>).
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClientFactory, IConnectorCredentials credentials)
{
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }
        using var request = await CreateAsync(HttpMethod.Post, activity.ServiceUrl!, path, Json(activity), cancellationToken);
        return await SendAsync(request, cancellationToken);
    }

    public async Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activity.Id!)}";
        using var request = await CreateAsync(HttpMethod.Put, activity.ServiceUrl!, path, Json(activity), cancellationToken);
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// <c>POST {serviceUrl}v3/conversations</c>: starts a conversation (in Teams, a new thread in the channel named by
    /// <c>channelData.channel.id</c>), optionally with a first activity.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        using var request = await CreateAsync(HttpMethod.Post, serviceUrl, "v3/conversations", JsonContent.Create(parameters, options: BotJson.Options), cancellationToken);
        using var response = await httpClientFactory.CreateClient(nameof(ConnectorClient)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ConversationResourceResponse>(BotJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The channel created the conversation but did not say its id.");
    }

    public async Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var path = $"v3/conversations/{Uri.EscapeDataString(reference.Conversation!.Id!)}/activities/{Uri.EscapeDataString(reference.ActivityId!)}";
        using var request = await CreateAsync(HttpMethod.Delete, reference.ServiceUrl!, path, null, cancellationToken);
        using var response = await httpClientFactory.CreateClient(nameof(ConnectorClient)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<HttpRequestMessage> CreateAsync(HttpMethod method, string serviceUrl, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        // Teams service URLs carry a path (/amer/, /teams/): keep it by making sure the base ends with a slash.
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Content = content;
        if (await credentials.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    private static JsonContent Json(Activity activity) => JsonContent.Create(activity, options: BotJson.Options);

    private async Task<ResourceResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await httpClientFactory.CreateClient(nameof(ConnectorClient)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength == 0)
        {
            return new ResourceResponse { Id = "" };
        }
        return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken) ?? new ResourceResponse { Id = "" };
    }
}
