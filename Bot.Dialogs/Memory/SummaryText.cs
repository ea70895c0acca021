namespace Bot.Dialogs.Memory;

/// <summary>Short texts for summaries and greetings.</summary>
public static class SummaryText
{
    public const int MaxQuestionLength = 160;

    /// <summary>The text on one line, cut at a word boundary to at most <paramref name="length"/> characters.</summary>
    public static string Clip(string text, int length = MaxQuestionLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= length)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', length - 1);
        return line[..(cut > length / 2 ? cut : length - 1)] + "…";
    }

    /// <summary>"earlier today", "yesterday", "3 days ago", or "on 4 March".</summary>
    public static string When(DateTimeOffset at, DateTimeOffset now)
    {
        var days = (now.UtcDateTime.Date - at.UtcDateTime.Date).Days;
        return days switch
        {
            <= 0 => "earlier today",
            1 => "yesterday",
            < 7 => $"{days} days ago",
            _ => "on " + at.UtcDateTime.ToString("d MMMM", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
