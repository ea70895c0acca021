using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Ingestion;

/// <summary>A small help-centre website on 127.0.0.1 (Kestrel), serving fixed paths, for URL and sitemap ingestion.</summary>
public sealed class LocalWebsite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalWebsite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>How many requests each path got.</summary>
    public Dictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    public Uri Url(string path) => new(Address, path);

    public static async Task<LocalWebsite> StartAsync(IReadOnlyDictionary<string, (string ContentType, string Body)> pages)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address.ToString());
        var app = builder.Build();
        var site = new LocalWebsite(app, address);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            lock (site.Hits)
            {
                site.Hits[path] = site.Hits.GetValueOrDefault(path) + 1;
            }
            if (!pages.TryGetValue(path, out var page))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = page.ContentType;
            await context.Response.WriteAsync(page.Body.Replace("{origin}", address.ToString().TrimEnd('/'), StringComparison.Ordinal));
        });
        await app.StartAsync();
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
