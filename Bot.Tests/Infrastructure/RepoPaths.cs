namespace Bot.Tests.Infrastructure;

/// <summary>Paths inside the repository, found from the test binaries' location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleArticles => Path.Combine(Root, "samples", "kb", "articles");

    public static string Clients => Path.Combine(Root, "Bot.Tests", "clients");

    public static string WebDist => Path.Combine(Root, "web", "dist");

    public static string TestOutput
    {
        get
        {
            var path = Path.Combine(Root, "Bot.Tests", "TestResults", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerSupportBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root (CustomerSupportBot.sln) above " + AppContext.BaseDirectory);
    }
}
