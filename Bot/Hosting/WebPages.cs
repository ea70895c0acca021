using Microsoft.Extensions.FileProviders;

namespace Bot.Hosting;

/// <summary>Serves the React pages: <c>/</c> (chat), and <c>/hub</c>, <c>/dashboard</c>, <c>/admin</c> as they are built.</summary>
public static class WebPages
{
    private static readonly string[] Pages = ["hub", "dashboard", "admin"];

    public static WebApplication UseWebPages(this WebApplication app)
    {
        var root = FindRoot(app);
        if (root is null)
        {
            app.Logger.LogWarning("No built web pages found (run `make web`); / serves a notice instead");
            app.MapGet("/", () => Results.Content(
                "<!doctype html><title>Customer support bot</title><p>The web pages are not built yet: run <code>make web</code> (or <code>make run</code>).</p>",
                "text/html")).ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var cacheable = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
                context.Context.Response.Headers.CacheControl = cacheable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        foreach (var page in Pages)
        {
            if (File.Exists(Path.Combine(root, page, "index.html")))
            {
                app.MapFallbackToFile($"/{page}/{{*path:nonfile}}", $"{page}/index.html", new StaticFileOptions { FileProvider = files });
            }
        }
        return app;
    }

    private static string? FindRoot(WebApplication app)
    {
        var configured = app.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>()?.RootPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, app.Environment.ContentRootPath);
            return File.Exists(Path.Combine(path, "index.html")) ? path : null;
        }
        for (var dir = new DirectoryInfo(app.Environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "web", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }
        return null;
    }
}
