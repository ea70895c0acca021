using System.Text.RegularExpressions;

namespace Bot.Knowledge.Routing;

/// <summary>What a route name and an intent may be, and the normal form of an example's text.</summary>
public static partial class RouterLabels
{
    public const int MaxTextLength = 1000;

    /// <summary>The intents a message can have (the router's second output).</summary>
    public static readonly IReadOnlyList<string> Intents =
        ["question", "greeting", "thanks", "asks_for_human", "complaint", "feedback", "out_of_scope"];

    /// <summary>The routes every installation starts with.</summary>
    public static readonly IReadOnlyList<string> DefaultRoutes = ["technical", "billing", "general"];

    /// <summary>A route name: 1 to 64 lower-case letters, digits, '_' or '-'.</summary>
    public static bool IsValidRoute(string? route) => route is not null && RouteName().IsMatch(route);

    public static bool IsValidIntent(string? intent) => intent is not null && Intents.Contains(intent, StringComparer.Ordinal);

    /// <summary>Lower case, single spaces, no end punctuation: two texts with the same key are the same example.</summary>
    public static string KeyOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Spaces().Replace(text.Trim().ToLowerInvariant(), " ").TrimEnd('?', '!', '.', ' ');
    }

    /// <summary>Checks an example and returns it trimmed (route and intent lower case); throws <see cref="ArgumentException"/> when it is not valid.</summary>
    public static RouterExample Normalize(RouterExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var text = Spaces().Replace(example.Text?.Trim() ?? "", " ");
        if (text.Length == 0)
        {
            throw new ArgumentException("The example's text is empty.", nameof(example));
        }
        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException($"The example's text is longer than {MaxTextLength} characters.", nameof(example));
        }
        var route = example.Route?.Trim().ToLowerInvariant();
        if (!IsValidRoute(route))
        {
            throw new ArgumentException(
                $"'{example.Route}' is not a valid route name (1 to 64 lower-case letters, digits, '_' or '-').",
                nameof(example));
        }
        var intent = string.IsNullOrWhiteSpace(example.Intent) ? null : example.Intent.Trim().ToLowerInvariant();
        if (intent is not null && !IsValidIntent(intent))
        {
            throw new ArgumentException($"'{example.Intent}' is not an intent; use one of {string.Join(", ", Intents)}.", nameof(example));
        }
        var source = string.IsNullOrWhiteSpace(example.Source) ? "api" : example.Source.Trim();
        return new RouterExample(text, route!, intent, source);
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RouteName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
