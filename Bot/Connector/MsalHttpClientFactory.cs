using Microsoft.Identity.Client;

namespace Bot.Connector;

/// <summary>
/// Gives MSAL its HTTP client from <see cref="IHttpClientFactory"/> (named <see cref="ClientName"/>), so handlers,
/// proxies and logging are configured like every other outbound client of the host.
/// </summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string ClientName = "msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(ClientName);
}
