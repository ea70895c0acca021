namespace Bot.Tests.Analytics;

/// <summary>A fact that needs <c>promtool</c> (Debian package <c>prometheus</c>); skipped with a message saying so when it is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Path is null)
        {
            Skip = "Needs promtool on PATH (apt-get install prometheus, or scripts/install-deps.sh) to include this test.";
        }
    }

    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "promtool"))
        .FirstOrDefault(File.Exists);
}
