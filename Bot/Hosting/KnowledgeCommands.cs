using System.Diagnostics;
using System.Globalization;
using Bot.Knowledge.Database;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;

namespace Bot.Hosting;

/// <summary>The <c>kb</c> commands: ingest (with a progress bar), list, delete, search and re-embed.</summary>
public sealed class KnowledgeCommands(IServiceProvider services)
{
    private readonly IAnsiConsole _console = CommandConsole.Create();

    public async Task<int> IngestAsync(string target, CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(checkEmbedder: true, cancellationToken);
        var ingestor = ActivatorUtilities.GetServiceOrCreateInstance<KnowledgeIngestor>(services);
        var clock = Stopwatch.StartNew();
        IngestReport report;
        try
        {
            report = await _console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Ingesting {Markup.Escape(target)}", maxValue: 1);
                    task.IsIndeterminate = true;
                    var progress = new Progress<IngestProgress>(p =>
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    });
                    var result = await ingestor.IngestAsync(target, progress, cancellationToken);
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        catch (FileNotFoundException ex)
        {
            _console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 1;
        }
        clock.Stop();

        var failed = report.Sources.Where(s => s.Failed).ToList();
        var table = new Table().AddColumns("Created", "Updated", "Unchanged", "Deleted", "Failed", "Chunks written", "Seconds", "Chunks/s");
        var seconds = clock.Elapsed.TotalSeconds;
        table.AddRow(
            Number(report.Count(IngestOutcome.Created)), Number(report.Count(IngestOutcome.Updated)), Number(report.Count(IngestOutcome.Unchanged)),
            Number(report.Count(IngestOutcome.Deleted)), Number(failed.Count), Number(report.ChunksWritten),
            seconds.ToString("0.00", CultureInfo.InvariantCulture),
            (report.ChunksWritten / Math.Max(seconds, 1e-6)).ToString("0", CultureInfo.InvariantCulture));
        _console.Write(table);
        foreach (var failure in failed)
        {
            _console.MarkupLine($"[red]failed[/] {Markup.Escape(failure.Source)}: {Markup.Escape(failure.Error!)}");
        }
        foreach (var skipped in report.Skipped)
        {
            _console.MarkupLine($"[yellow]skipped[/] {Markup.Escape(skipped)}");
        }
        if (!ActivatorUtilities.GetServiceOrCreateInstance<KnowledgeStore>(services).Embeds)
        {
            _console.MarkupLine("[yellow]No embedding generator is registered: chunks were stored without vectors.[/]");
        }
        return failed.Count == 0 ? 0 : 1;
    }

    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(checkEmbedder: false, cancellationToken);
        var store = services.GetRequiredService<KnowledgeStore>();
        var table = new Table().AddColumns("Id", "Source", "Title", "Category", "Chunks", "Updated (UTC)");
        long? after = null;
        var count = 0;
        do
        {
            var page = await store.ListAsync(after, 500, cancellationToken);
            foreach (var d in page.Items)
            {
                table.AddRow(Number(d.Id), Markup.Escape(d.Source), Markup.Escape(d.Title), Markup.Escape(d.Category ?? ""),
                    Number(d.ChunkCount), d.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                count++;
            }
            after = page.Next;
        }
        while (after is not null);
        _console.Write(table);
        _console.MarkupLine($"{count} documents");
        return 0;
    }

    public async Task<int> DeleteAsync(string target, CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(checkEmbedder: false, cancellationToken);
        var store = services.GetRequiredService<KnowledgeStore>();
        if (long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var deleted = await store.DeleteAsync(id, cancellationToken);
            _console.MarkupLine(deleted ? $"Deleted document {id}." : $"[red]There is no document {id}.[/]");
            return deleted ? 0 : 1;
        }
        var sources = await store.DeleteSourceAsync(target, cancellationToken);
        _console.MarkupLine(sources.Count == 0
            ? $"[red]No document has the source {Markup.Escape(target)}.[/]"
            : $"Deleted {sources.Count} document(s) of {Markup.Escape(target)}.");
        return sources.Count == 0 ? 1 : 0;
    }

    public async Task<int> SearchAsync(string query, string? category, CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(checkEmbedder: true, cancellationToken);
        var hits = await services.GetRequiredService<IKnowledgeSearch>().SearchAsync(
            new KnowledgeQuery(query, 10, Category: string.IsNullOrWhiteSpace(category) ? null : category), cancellationToken);
        var table = new Table().AddColumns("#", "Score", "Vector", "Text", "Document", "Title", "Heading", "Snippet");
        var rank = 0;
        foreach (var hit in hits)
        {
            var snippet = PassageSnippet.Of(hit.Content, 120);
            table.AddRow(
                Number(++rank), Score(hit.Score), Score(hit.VectorScore), Score(hit.TextScore), Number(hit.DocumentId),
                Markup.Escape(hit.Title), Markup.Escape(hit.Heading), Markup.Escape(snippet.ReplaceLineEndings(" ")));
        }
        _console.Write(table);
        if (hits.Count == 0)
        {
            _console.MarkupLine("[yellow]Nothing found.[/]");
        }
        return 0;
    }

    /// <summary>Recomputes every chunk's vector through the lead's <see cref="IKnowledgeReembedder"/>.</summary>
    public async Task<int> ReembedAsync(CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(checkEmbedder: false, cancellationToken);
        long total;
        await using (var count = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM kb_chunks"))
        {
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        var reembedder = services.GetRequiredService<IKnowledgeReembedder>();
        var clock = Stopwatch.StartNew();
        var done = await _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Re-embedding chunks", maxValue: Math.Max(1, total));
                var result = await reembedder.ReembedAllAsync(new Progress<int>(n => task.Value = n), cancellationToken);
                task.Value = task.MaxValue;
                return result;
            });
        _console.MarkupLine($"Re-embedded {done} chunks in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        return 0;
    }

    /// <summary>
    /// Commands run without the web host, so its start-up work is done here: migrations (when configured) and, before
    /// writing or searching vectors, the embedder check that fails on a mismatch and names <c>kb reembed</c>.
    /// </summary>
    private async Task PrepareDatabaseAsync(bool checkEmbedder, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            services.GetRequiredService<DatabaseMigrator>().Migrate();
            await services.GetRequiredService<NpgsqlDataSource>().ReloadTypesAsync(cancellationToken);
        }
        if (checkEmbedder)
        {
            await services.GetRequiredService<VectorIndex>().EnsureAsync(cancellationToken);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Score(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
