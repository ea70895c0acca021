namespace Bot.Knowledge.Search;

/// <summary>A passage as a reader sees it, for result lists: Markdown rendered to plain text (no <c>**</c>, links as their text), cut short.</summary>
public static class PassageSnippet
{
    public static string Of(string content, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var text = Markdig.Markdown.ToPlainText(content).Trim();
        return text.Length <= maxLength ? text : text[..maxLength].TrimEnd() + "…";
    }
}
