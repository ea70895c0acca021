using Bot.Knowledge.Database;

namespace Bot.Hosting;

/// <summary>Commands on the host binary (<c>db migrate</c>, <c>kb ...</c>), run instead of the web host.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["db", "kb", "eval", "bench", "router"];

    private const string Usage = """
        Commands:
          db migrate                 apply pending database migrations
          kb ingest <path|url>       add or update documents from a file, a folder, a web page or a sitemap
          kb list                    list the documents
          kb delete <id|source>      delete a document (a source deletes every document of that file)
          kb search <query>          search the knowledge base (--category c: only that category)
          kb reembed                 recompute every chunk's embedding with the configured embedder
          router import <csv>        add router examples (columns text,route[,intent]; --format bitext for Bitext files)
          router list                how many examples each route has
          router classify <text>     route a message as the bot would, with its nearest examples
          eval [file] [--format f]   measure the bot: the project's sets by default; --format bitext|clinc-oos|router|kb|escalation|paraphrases, --train, --thresholds, --output, --database current
        """;

    /// <summary>Splits a command (first words) from the host's own <c>--key value</c> arguments.</summary>
    public static (string[]? Command, string[] HostArgs) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Commands.Contains(args[0], StringComparer.Ordinal))
        {
            return (null, args);
        }
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return (words, args[words.Length..]);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var knowledge = new KnowledgeCommands(app.Services);
        switch (command)
        {
            case ["db", "migrate"]:
                var applied = app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
                await Console.Out.WriteLineAsync(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
                return 0;
            case ["kb", "ingest", var target]:
                return await knowledge.IngestAsync(target, cancel.Token);
            case ["kb", "list"]:
                return await knowledge.ListAsync(cancel.Token);
            case ["kb", "delete", var target]:
                return await knowledge.DeleteAsync(target, cancel.Token);
            case ["kb", "search", .. var words] when words.Length > 0:
                return await knowledge.SearchAsync(string.Join(' ', words), app.Configuration["category"], cancel.Token);
            case ["kb", "reembed"]:
                return await knowledge.ReembedAsync(cancel.Token);
            case ["router", "import", var file]:
                return await new Routing.RouterCommands(app).ImportAsync(file, cancel.Token);
            case ["router", "list"]:
                return await new Routing.RouterCommands(app).ListAsync(cancel.Token);
            case ["router", "classify", .. var text] when text.Length > 0:
                return await new Routing.RouterCommands(app).ClassifyAsync(string.Join(' ', text), cancel.Token);
            case ["eval", ..]:
                return await Evaluation.EvalCommand.RunAsync(app, command, cancel.Token);
            case ["bench", ..]:
                return await Benchmarks.BenchCommand.RunAsync(app, command);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', command)}'.\n{Usage}");
                return 2;
        }
    }
}
