using Spectre.Console;

namespace Bot.Hosting;

/// <summary>The console the host's commands write tables and progress to.</summary>
public static class CommandConsole
{
    private const int PipedWidth = 160;

    /// <summary>
    /// Spectre's console. When the output is piped or redirected there is no terminal to measure, and Spectre would wrap
    /// every table at 80 columns; it gets <c>COLUMNS</c> (when set) or 160 instead.
    /// </summary>
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : PipedWidth;
        }
        return console;
    }
}
