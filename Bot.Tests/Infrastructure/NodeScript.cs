using System.Diagnostics;
using System.Text.Json;

namespace Bot.Tests.Infrastructure;

/// <summary>Runs one of the Node client scripts in <c>Bot.Tests/clients</c> and reads the JSON line it prints.</summary>
public static class NodeScript
{
    public static async Task<NodeResult> RunAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!Directory.Exists(Path.Combine(RepoPaths.Clients, "node_modules")))
        {
            throw new InvalidOperationException($"Run `npm ci` in {RepoPaths.Clients} first (make test does).");
        }
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = RepoPaths.Clients,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {timeout}. stderr: {await stderr}");
        }
        var output = await stdout;
        var lastJson = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(line => line.StartsWith('{'));
        JsonElement? json = null;
        if (lastJson is not null)
        {
            try
            {
                json = JsonDocument.Parse(lastJson).RootElement.Clone();
            }
            catch (JsonException)
            {
                json = null;
            }
        }
        return new NodeResult(process.ExitCode, output, await stderr, json);
    }
}

public sealed record NodeResult(int ExitCode, string Output, string Errors, JsonElement? Json)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
