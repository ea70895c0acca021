using System.Text;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Ingestion;

public sealed class KnowledgeIngestorTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-ingest-").FullName;

    private KnowledgeIngestor Ingestor(KnowledgeOptions? options = null)
    {
        var settings = Options.Create(options ?? new KnowledgeOptions());
        return new KnowledgeIngestor(new KnowledgeStore(database.DataSource, settings, new HashingEmbeddingGenerator()), settings,
            NullLogger<KnowledgeIngestor>.Instance);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    private void Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public async Task A_folder_is_ingested_recursively_and_a_bad_file_does_not_stop_the_others()
    {
        Write("folder-good.md", "---\ntitle: Good article\n---\n# Good article\n\nText about refunds.\n");
        Write("nested/deeper/page.html", "<html><head><title>Nested page</title></head><body><main><p>Nested text.</p></main></body></html>");
        Write("notes.txt", "Office hours\n\nNine to five.");
        Write("faq/folder-faq.csv", "question,answer\nWhat is it?,A test.\nAnother?,Yes.\n");
        Write("broken.md", [.. "# Bad "u8, 0xC3, 0x28, .. " text"u8]);
        Write("empty.txt", "");
        Write("bad-faq.csv", "no,header\nx,y\n");
        Write("ignored.exe", [0x4D, 0x5A]);
        var progress = new List<IngestProgress>();

        var report = await Ingestor().IngestPathAsync(_folder, new SynchronousProgress<IngestProgress>(progress.Add), CancellationToken.None);

        var outcomes = report.Documents.ToDictionary(d => d.Source, d => d.Outcome);
        Assert.Equal(IngestOutcome.Created, outcomes["folder-good.md"]);
        Assert.Equal(IngestOutcome.Created, outcomes["nested/deeper/page.html"]);
        Assert.Equal(IngestOutcome.Created, outcomes["notes.txt"]);
        Assert.Equal(IngestOutcome.Created, outcomes["faq/folder-faq.csv#what-is-it"]);
        Assert.Equal(IngestOutcome.Created, outcomes["faq/folder-faq.csv#another"]);
        Assert.Equal(IngestError.InvalidEncoding, report.Sources.Single(s => s.Source == "broken.md").ErrorKind);
        Assert.Equal(IngestError.Empty, report.Sources.Single(s => s.Source == "empty.txt").ErrorKind);
        Assert.Equal(IngestError.Malformed, report.Sources.Single(s => s.Source == "bad-faq.csv").ErrorKind);
        Assert.DoesNotContain(report.Sources, s => s.Source.EndsWith(".exe", StringComparison.Ordinal));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source IN ('broken.md', 'empty.txt') OR source LIKE 'bad-faq.csv%'"));
        Assert.Equal(7, progress[^1].Done);
        Assert.Equal(7, progress[^1].Total);

        var again = await Ingestor().IngestPathAsync(_folder, null, CancellationToken.None);
        Assert.All(again.Sources.Where(s => !s.Failed).SelectMany(s => s.Documents), d => Assert.Equal(IngestOutcome.Unchanged, d.Outcome));
        Assert.Equal(0, again.ChunksWritten);
    }

    [Fact]
    public async Task A_single_file_is_stored_under_its_file_name()
    {
        Write("single/only.md", "# Only\n\nOne file.");
        var report = await Ingestor().IngestAsync(Path.Combine(_folder, "single", "only.md"), null, CancellationToken.None);
        Assert.Equal(("only.md", IngestOutcome.Created), report.Documents.Select(d => (d.Source, d.Outcome)).Single());
    }

    [Fact]
    public async Task A_missing_path_is_an_error()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => Ingestor().IngestAsync(Path.Combine(_folder, "nope"), null, CancellationToken.None));
    }

    [Fact]
    public async Task A_web_page_is_fetched_and_stored_under_its_url()
    {
        await using var site = await LocalWebsite.StartAsync(new Dictionary<string, (string, string)>
        {
            ["/articles/reset"] = ("text/html; charset=utf-8", """
                <html><head><title>Reset | Help</title><link rel="canonical" href="/articles/reset-password"></head>
                <body><nav>Menu</nav><article><h1>Reset your password</h1><p>Click Forgot password.</p></article></body></html>
                """),
        });

        var report = await Ingestor().IngestAsync(site.Url("/articles/reset#top").ToString(), null, CancellationToken.None);

        var document = report.Documents.Single();
        Assert.Equal(IngestOutcome.Created, document.Outcome);
        Assert.Equal(site.Url("/articles/reset").ToString(), document.Source);
        Assert.Equal("Reset your password", document.Title);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source = $1 AND url = $2",
            site.Url("/articles/reset").ToString(), site.Url("/articles/reset-password").ToString()));
    }

    [Fact]
    public async Task A_sitemap_is_followed_on_its_own_host_only_and_a_missing_page_fails_alone()
    {
        await using var site = await LocalWebsite.StartAsync(new Dictionary<string, (string, string)>
        {
            ["/sitemap.xml"] = ("application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>{origin}/sitemap-articles.xml</loc></sitemap>
                  <sitemap><loc>https://elsewhere.example/sitemap.xml</loc></sitemap>
                </sitemapindex>
                """),
            ["/sitemap-articles.xml"] = ("text/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>{origin}/help/one</loc><lastmod>2025-01-01</lastmod></url>
                  <url><loc>{origin}/help/two</loc></url>
                  <url><loc>{origin}/help/notes.txt</loc></url>
                  <url><loc>{origin}/help/missing</loc></url>
                  <url><loc>https://elsewhere.example/help/three</loc></url>
                </urlset>
                """),
            ["/help/one"] = ("text/html", "<html><body><main><h1>One</h1><p>First page about invoices.</p></main></body></html>"),
            ["/help/two"] = ("text/html", "<html><body><main><h1>Two</h1><p>Second page about refunds.</p></main></body></html>"),
            ["/help/notes.txt"] = ("text/plain", "Notes\n\nPlain text page."),
        });

        var report = await Ingestor().IngestAsync(site.Url("/sitemap.xml").ToString(), null, CancellationToken.None);

        Assert.Equal(
            [(site.Url("/help/one").ToString(), IngestOutcome.Created), (site.Url("/help/two").ToString(), IngestOutcome.Created),
             (site.Url("/help/notes.txt").ToString(), IngestOutcome.Created), (site.Url("/help/missing").ToString(), IngestOutcome.Failed)],
            report.Documents.Select(d => (d.Source, d.Outcome)));
        Assert.Equal(IngestError.FetchFailed, report.Sources[^1].ErrorKind);
        Assert.Equal(2, report.Skipped.Count);
        Assert.All(report.Skipped, s => Assert.Contains("elsewhere.example", s, StringComparison.Ordinal));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source LIKE '%elsewhere%' OR source LIKE '%missing%'"));

        var again = await Ingestor().IngestAsync(site.Url("/sitemap.xml").ToString(), null, CancellationToken.None);
        Assert.Equal(3, again.Count(IngestOutcome.Unchanged));
    }

    [Fact]
    public async Task Sitemap_pages_are_bounded_and_oversized_pages_fail()
    {
        var pages = new Dictionary<string, (string, string)>
        {
            ["/sitemap.xml"] = ("application/xml",
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
                string.Concat(Enumerable.Range(1, 5).Select(i => $"<url><loc>{{origin}}/p/{i}</loc></url>")) + "</urlset>"),
            ["/p/1"] = ("text/html", "<p>Page one.</p>"),
            ["/p/2"] = ("text/html", "<p>" + new string('x', 5000) + "</p>"),
            ["/p/3"] = ("text/html", "<p>Page three.</p>"),
        };
        await using var site = await LocalWebsite.StartAsync(pages);

        var report = await Ingestor(new KnowledgeOptions { MaxSitemapPages = 3, MaxFileBytes = 4096 })
            .IngestAsync(site.Url("/sitemap.xml").ToString(), null, CancellationToken.None);

        Assert.Equal([IngestOutcome.Created, IngestOutcome.Failed, IngestOutcome.Created], report.Documents.Select(d => d.Outcome));
        Assert.Equal(IngestError.TooLarge, report.Sources[1].ErrorKind);
        Assert.Equal(2, report.Skipped.Count);
        Assert.False(site.Hits.ContainsKey("/p/4"));
    }

    /// <summary>Reports on the calling thread, so the test sees every report before the ingest returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
