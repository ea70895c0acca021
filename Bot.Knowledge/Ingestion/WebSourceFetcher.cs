using System.Net.Http.Headers;
using System.Xml;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Fetches pages for ingestion over HTTP(S), each under the size limit and a timeout, and reads sitemaps
/// (<c>&lt;urlset&gt;</c> and <c>&lt;sitemapindex&gt;</c>): their <c>&lt;loc&gt;</c> entries on the sitemap's own host,
/// at most <see cref="KnowledgeOptions.MaxSitemapPages"/> of them.
/// </summary>
public sealed class WebSourceFetcher(HttpClient http, KnowledgeOptions options)
{
    private const int MaxSitemapDepth = 3;

    /// <summary>Downloads one URL; a failure is an <see cref="IngestionException"/> (fetch failed, too large).</summary>
    public async Task<SourceFile> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.FetchTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml, text/markdown, text/plain, application/xml;q=0.9, */*;q=0.5");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new IngestionException(IngestError.FetchFailed, $"GET {url} returned {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            if (response.Content.Headers.ContentLength > options.MaxFileBytes)
            {
                throw TooLarge(url);
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > options.MaxFileBytes)
                {
                    throw TooLarge(url);
                }
                buffer.Write(chunk, 0, read);
            }
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            return new SourceFile(SourceFor(finalUrl), buffer.ToArray(), response.Content.Headers.ContentType?.ToString(), finalUrl);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new IngestionException(IngestError.FetchFailed, $"GET {url} failed: {(ex is OperationCanceledException ? "timed out" : ex.Message)}", ex);
        }
    }

    /// <summary>The page URLs a fetched sitemap lists (following nested sitemaps), or null when it is not a sitemap.</summary>
    public async Task<SitemapEntries?> ReadSitemapAsync(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Url is null || !LooksLikeXml(file))
        {
            return null;
        }
        var root = ReadLocations(file);
        if (root is null)
        {
            return null;
        }
        var pages = new List<Uri>();
        var skipped = new List<string>();
        var seen = new HashSet<Uri>();
        await CollectAsync(file.Url, root.Value, 0);
        return new SitemapEntries(pages, skipped);

        async Task CollectAsync(Uri sitemapUrl, (bool Index, List<string> Locations) sitemap, int depth)
        {
            foreach (var location in sitemap.Locations)
            {
                if (pages.Count >= options.MaxSitemapPages)
                {
                    skipped.Add($"{location} (over Knowledge:MaxSitemapPages = {options.MaxSitemapPages})");
                    continue;
                }
                if (!Uri.TryCreate(sitemapUrl, location.Trim(), out var url) || url.Scheme is not ("http" or "https"))
                {
                    skipped.Add($"{location} (not an http(s) URL)");
                    continue;
                }
                if (!SameHost(url, sitemapUrl))
                {
                    skipped.Add($"{url} (not on {sitemapUrl.Authority})");
                    continue;
                }
                if (!seen.Add(url))
                {
                    continue;
                }
                if (!sitemap.Index)
                {
                    pages.Add(url);
                    continue;
                }
                if (depth >= MaxSitemapDepth)
                {
                    skipped.Add($"{url} (sitemaps nested too deep)");
                    continue;
                }
                var nested = await FetchAsync(url, cancellationToken);
                var locations = ReadLocations(nested);
                if (locations is null)
                {
                    skipped.Add($"{url} (not a sitemap)");
                    continue;
                }
                await CollectAsync(url, locations.Value, depth + 1);
            }
        }
    }

    /// <summary>The source a page is stored under: its absolute URL without the fragment.</summary>
    public static string SourceFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
    }

    private static bool SameHost(Uri a, Uri b) =>
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static bool LooksLikeXml(SourceFile file)
    {
        var mediaType = file.ContentType is not null && MediaTypeHeaderValue.TryParse(file.ContentType, out var parsed) ? parsed.MediaType : null;
        return mediaType is "application/xml" or "text/xml"
            || (mediaType?.EndsWith("+xml", StringComparison.OrdinalIgnoreCase) == true && mediaType != "application/xhtml+xml")
            || file.Url!.AbsolutePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The &lt;loc&gt; values of a sitemap, or null when the XML is not a urlset or sitemapindex.</summary>
    private static (bool Index, List<string> Locations)? ReadLocations(SourceFile file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var stream = new MemoryStream(file.Content.ToArray());
            using var reader = XmlReader.Create(stream, settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName is not ("urlset" or "sitemapindex"))
            {
                return null;
            }
            var index = reader.LocalName == "sitemapindex";
            var locations = new List<string>();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc")
                {
                    locations.Add(reader.ReadElementContentAsString());
                }
                else
                {
                    reader.Read();
                }
            }
            return (index, locations);
        }
        catch (XmlException ex)
        {
            throw new IngestionException(IngestError.Malformed, $"'{file.Source}' is not a valid sitemap: {ex.Message}", ex);
        }
    }

    private IngestionException TooLarge(Uri url) =>
        new(IngestError.TooLarge, $"{url} is larger than {options.MaxFileBytes} bytes (Knowledge:MaxFileBytes).");
}
