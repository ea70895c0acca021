namespace Bot.Tests.Infrastructure;

/// <summary>
/// Sends every request to a local fake instead of the host it names, keeping the path and query. MSAL only accepts
/// https authorities, so the bot keeps its real https://login.microsoftonline.com authority and the test routes MSAL's
/// HTTP client here.
/// </summary>
public sealed class LoopbackRedirectHandler : DelegatingHandler
{
    private readonly Uri _target;

    public LoopbackRedirectHandler(Uri target)
    {
        _target = target;
        InnerHandler = new SocketsHttpHandler();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = _target.Scheme, Host = _target.Host, Port = _target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
