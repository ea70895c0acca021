using System.Globalization;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Database;
using Bot.Knowledge.Routing;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Bot.Routing;

/// <summary>The <c>router</c> commands: import examples from CSV, list the routes' counts, classify a message.</summary>
public sealed class RouterCommands(WebApplication app)
{
    private readonly IAnsiConsole _console = Hosting.CommandConsole.Create();

    /// <summary><c>router import &lt;csv&gt; [--format router|bitext]</c>: all or nothing; a running bot sees the examples within <c>Router:RefreshInterval</c>.</summary>
    public async Task<int> ImportAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            _console.MarkupLine($"[red]No such file: {Markup.Escape(file)}[/]");
            return 1;
        }
        var format = app.Configuration["format"]?.ToLowerInvariant() switch
        {
            null or "router" => RouterCsvFormat.Router,
            "bitext" => RouterCsvFormat.Bitext,
            var other => (RouterCsvFormat?)null,
        };
        if (format is null)
        {
            _console.MarkupLine("[red]--format must be router (text,route[,intent]) or bitext.[/]");
            return 2;
        }
        Migrate();
        var options = app.Services.GetRequiredService<IOptions<RouterOptions>>().Value;
        IReadOnlyList<RouterCsvRow> rows;
        try
        {
            rows = RouterExampleCsv.Parse(await File.ReadAllTextAsync(file, cancellationToken), "import", format.Value, options.MaxImportRows);
        }
        catch (RouterCsvException ex)
        {
            _console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            foreach (var error in ex.Errors)
            {
                _console.MarkupLine($"  {Markup.Escape(error)}");
            }
            return 1;
        }
        var result = await app.Services.GetRequiredService<IRouterExampleStore>().AddRangeAsync(rows.Select(r => r.Example).ToList(), cancellationToken);
        var table = new Table().AddColumns("Rows", "Added", "Relabelled", "New routes");
        table.AddRow(N(rows.Count), N(result.Added), N(result.Relabelled), result.NewRoutes.Count == 0 ? "-" : Markup.Escape(string.Join(", ", result.NewRoutes)));
        _console.Write(table);
        return 0;
    }

    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        Migrate();
        var page = await app.Services.GetRequiredService<IRouterExampleStore>().ListAsync(null, null, 1, cancellationToken);
        var table = new Table().AddColumns("Route", "Examples");
        foreach (var (route, count) in page.Routes)
        {
            table.AddRow(Markup.Escape(route), N(count));
        }
        table.AddRow("[bold]total[/]", N(page.Total));
        _console.Write(table);
        return 0;
    }

    public async Task<int> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        Migrate();
        var local = app.Services.GetRequiredService<ExampleRouterModel>();
        var result = await app.Services.GetRequiredService<IRouterModel>().ClassifyAsync(text, cancellationToken);
        _console.MarkupLine($"route [bold]{Markup.Escape(result.Category)}[/] ({F(result.Confidence)}), intent [bold]{Markup.Escape(result.Intent)}[/] " +
            $"({F(result.IntentConfidence)}), by {Markup.Escape(result.Model)}, nearest in-scope similarity {F(result.NearestSimilarity)}");
        var (_, verdict) = await local.ClassifyWithNeighboursAsync(text, cancellationToken);
        if (verdict is not null)
        {
            var table = new Table().AddColumns("Similarity", "Route", "Intent", "Example");
            foreach (var neighbour in verdict.Neighbours)
            {
                table.AddRow(F(neighbour.Similarity), Markup.Escape(neighbour.Route), Markup.Escape(neighbour.Intent ?? "-"), Markup.Escape(neighbour.Text));
            }
            _console.Write(table);
        }
        return 0;
    }

    private void Migrate() => app.Services.GetRequiredService<DatabaseMigrator>().Migrate();

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
