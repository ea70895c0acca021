namespace Bot.Hosting;

/// <summary>Where the built web pages (<c>web/dist</c>) are.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>Absolute path, or relative to the content root; found by walking up to <c>web/dist</c> when empty.</summary>
    public string? RootPath { get; set; }
}
