using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Ingests a file, a folder (recursively), uploaded files, a URL or a sitemap: parses each source, stores it through
/// <see cref="KnowledgeStore"/> (one transaction per source) and reports per document what happened. A source that
/// fails — unreadable, wrong type, too large, a database error — is reported and leaves nothing written; the others go on.
/// Used by <c>kb ingest</c>, the admin API and the seeder.
/// </summary>
public sealed class KnowledgeIngestor
{
    /// <summary>The named HttpClient used for URLs and sitemaps, when an <see cref="IHttpClientFactory"/> is registered.</summary>
    public const string HttpClientName = "knowledge-ingestion";

    private const int BatchSources = 64;
    private static readonly Lazy<HttpClient> FallbackHttp = new(() => new HttpClient());

    private readonly KnowledgeStore _store;
    private readonly KnowledgeOptions _options;
    private readonly ILogger<KnowledgeIngestor> _logger;
    private readonly IHttpClientFactory? _httpClientFactory;

    public KnowledgeIngestor(
        KnowledgeStore store, IOptions<KnowledgeOptions> options, ILogger<KnowledgeIngestor> logger, IHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _logger = logger;
        _httpClientFactory = httpClientFactory;
    }

    /// <summary>An http(s) URL is fetched (a sitemap is followed); anything else is a file or folder path.</summary>
    public Task<IngestReport> IngestAsync(string pathOrUrl, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrUrl);
        return Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? IngestUrlAsync(url, progress, cancellationToken)
            : IngestPathAsync(pathOrUrl, progress, cancellationToken);
    }

    /// <summary>
    /// A file (source: its file name) or every supported file under a folder (source: the path relative to the folder,
    /// with <c>/</c>), so ingesting the same folder again finds the same documents.
    /// </summary>
    public async Task<IngestReport> IngestPathAsync(string path, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        List<(string Source, string File)> files;
        if (File.Exists(full))
        {
            files = [(Path.GetFileName(full), full)];
        }
        else if (Directory.Exists(full))
        {
            files = Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(DocumentParser.IsSupportedPath)
                .Select(file => (Path.GetRelativePath(full, file).Replace('\\', '/'), file))
                .OrderBy(f => f.Item1, StringComparer.Ordinal)
                .ToList();
        }
        else
        {
            throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", full);
        }

        var results = await IngestSourcesAsync(files.Count, files.Select(f => ReadFileAsync(f.Source, f.File, cancellationToken)), progress, cancellationToken);
        return new IngestReport(results, []);
    }

    /// <summary>A web page, or every same-host page of a sitemap (each stored under its URL).</summary>
    public async Task<IngestReport> IngestUrlAsync(Uri url, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fetcher = new WebSourceFetcher(_httpClientFactory?.CreateClient(HttpClientName) ?? FallbackHttp.Value, _options);
        SourceFile first;
        try
        {
            first = await fetcher.FetchAsync(url, cancellationToken);
        }
        catch (IngestionException ex)
        {
            return new IngestReport([SourceResult.Failure(WebSourceFetcher.SourceFor(url), ex.Error, ex.Message)], []);
        }

        SitemapEntries? sitemap;
        try
        {
            sitemap = await fetcher.ReadSitemapAsync(first, cancellationToken);
        }
        catch (IngestionException ex)
        {
            return new IngestReport([SourceResult.Failure(first.Source, ex.Error, ex.Message)], []);
        }
        if (sitemap is null)
        {
            return new IngestReport(await IngestSourcesAsync(1, [Task.FromResult<Readable>(new(first.Source, first, null))], progress, cancellationToken), []);
        }

        foreach (var skipped in sitemap.Skipped)
        {
            _logger.LogWarning("Sitemap {Sitemap}: skipped {Entry}", url, skipped);
        }
        var results = await IngestSourcesAsync(sitemap.Pages.Count, sitemap.Pages.Select(page => FetchPageAsync(fetcher, page, cancellationToken)), progress, cancellationToken);
        return new IngestReport(results, sitemap.Skipped);
    }

    /// <summary>Uploaded files, each stored under its file name.</summary>
    public Task<IReadOnlyList<SourceResult>> IngestFilesAsync(
        IReadOnlyList<SourceFile> files, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        return IngestSourcesAsync(files.Count, files.Select(f => Task.FromResult(new Readable(f.Source, f, null))), progress, cancellationToken);
    }

    /// <summary>Parses the sources in order and stores them in batches; the results keep the order of the sources.</summary>
    private async Task<IReadOnlyList<SourceResult>> IngestSourcesAsync(
        int total, IEnumerable<Task<Readable>> sources, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new List<SourceResult?>(total);
        var batch = new List<(int Index, DocumentGroup Group)>(BatchSources);
        foreach (var pending in sources)
        {
            var source = await pending;
            var index = results.Count;
            results.Add(null);
            try
            {
                if (source.Failure is not null)
                {
                    throw source.Failure;
                }
                batch.Add((index, new DocumentGroup(source.Source, DocumentParser.Parse(source.File!, _options.MaxFileBytes))));
            }
            catch (IngestionException ex)
            {
                _logger.LogWarning("Not ingested: {Source}: {Reason}", source.Source, ex.Message);
                results[index] = SourceResult.Failure(source.Source, ex.Error, ex.Message);
            }
            if (batch.Count >= BatchSources)
            {
                await StoreBatchAsync(batch, results, cancellationToken);
            }
            // Sources waiting in the batch are not done yet: progress counts stored (or failed) ones.
            progress?.Report(new IngestProgress(results.Count - batch.Count, Math.Max(total, results.Count), source.Source));
        }
        await StoreBatchAsync(batch, results, cancellationToken);
        progress?.Report(new IngestProgress(results.Count, results.Count, ""));
        return results.Select(r => r!).ToList();
    }

    private async Task StoreBatchAsync(List<(int Index, DocumentGroup Group)> batch, List<SourceResult?> results, CancellationToken cancellationToken)
    {
        foreach (var (index, result) in batch.Select(b => b.Index).Zip(await StoreGroupsAsync(batch.Select(b => b.Group).ToList(), cancellationToken)))
        {
            results[index] = result;
        }
        batch.Clear();
    }

    private async Task<List<SourceResult>> StoreGroupsAsync(List<DocumentGroup> groups, CancellationToken cancellationToken)
    {
        if (groups.Count == 0)
        {
            return [];
        }
        try
        {
            var stored = await _store.StoreAsync(groups, cancellationToken);
            return groups.Select((group, i) => stored[i] is [{ Outcome: IngestOutcome.Failed } failure]
                ? SourceResult.Failure(group.Source, failure.ErrorKind ?? IngestError.StoreFailed, failure.Error ?? "could not be stored")
                : new SourceResult(group.Source, stored[i])).ToList();
        }
        catch (Exception ex) when (groups.Count > 1 && ex is not OperationCanceledException)
        {
            // The batch's transaction failed as a whole (a lost connection, an embedding error): retry source by source.
            var results = new List<SourceResult>();
            foreach (var group in groups)
            {
                results.AddRange(await StoreGroupsAsync([group], cancellationToken));
            }
            return results;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            _logger.LogError(ex, "Storing {Source} failed", groups[0].Source);
            return [SourceResult.Failure(groups[0].Source, IngestError.StoreFailed, $"'{groups[0].Source}' could not be stored: {ex.Message}")];
        }
    }

    private async Task<Readable> ReadFileAsync(string source, string path, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxFileBytes)
            {
                return new(source, null, new IngestionException(IngestError.TooLarge,
                    $"'{source}' is {length} bytes; the limit is {_options.MaxFileBytes} bytes (Knowledge:MaxFileBytes)."));
            }
            return new(source, new SourceFile(source, await File.ReadAllBytesAsync(path, cancellationToken)), null);
        }
        catch (IOException ex)
        {
            return new(source, null, new IngestionException(IngestError.FetchFailed, $"'{source}' could not be read: {ex.Message}", ex));
        }
        catch (UnauthorizedAccessException ex)
        {
            return new(source, null, new IngestionException(IngestError.FetchFailed, $"'{source}' could not be read: {ex.Message}", ex));
        }
    }

    private static async Task<Readable> FetchPageAsync(WebSourceFetcher fetcher, Uri page, CancellationToken cancellationToken)
    {
        try
        {
            var file = await fetcher.FetchAsync(page, cancellationToken);
            return new(file.Source, file, null);
        }
        catch (IngestionException ex)
        {
            return new(WebSourceFetcher.SourceFor(page), null, ex);
        }
    }

    /// <summary>A source read (or not) and ready to parse.</summary>
    private sealed record Readable(string Source, SourceFile? File, IngestionException? Failure);
}
