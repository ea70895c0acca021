using Bot.Knowledge.Database;

namespace Bot.Hosting;

/// <summary>Commands on the host binary (<c>db migrate</c>, ...), run instead of the web host.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["db", "kb", "eval", "bench"];

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
        switch (command)
        {
            case ["db", "migrate"]:
                var applied = app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
                await Console.Out.WriteLineAsync(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', command)}'. Commands: db migrate");
                return 2;
        }
    }
}
