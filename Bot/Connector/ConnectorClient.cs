using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bot.Core.Schema;

namespace Bot.Connector;

/// <summary>The Bot Connector REST client: replies, updates and deletes activities at a channel's <c>serviceUrl</c>.</summary>
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
        using var request = await CreateAsync(HttpMethod.Post, activity.ServiceUrl!, path, activity, cancellationToken);
        return await SendAsync(request, cancellationToken);
    }

    public async Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities/{Uri.EscapeDataString(activity.Id!)}";
        using var request = await CreateAsync(HttpMethod.Put, activity.ServiceUrl!, path, activity, cancellationToken);
        return await SendAsync(request, cancellationToken);
    }

    public async Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var path = $"v3/conversations/{Uri.EscapeDataString(reference.Conversation!.Id!)}/activities/{Uri.EscapeDataString(reference.ActivityId!)}";
        using var request = await CreateAsync(HttpMethod.Delete, reference.ServiceUrl!, path, null, cancellationToken);
        using var response = await httpClientFactory.CreateClient(nameof(ConnectorClient)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<HttpRequestMessage> CreateAsync(HttpMethod method, string serviceUrl, string path, Activity? body, CancellationToken cancellationToken)
    {
        // Teams service URLs carry a path (/amer/, /teams/): keep it by making sure the base ends with a slash.
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: BotJson.Options);
        }
        if (await credentials.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

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
