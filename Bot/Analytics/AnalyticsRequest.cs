using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Http;
using Bot.Knowledge.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Analytics;

/// <summary>Reads and checks the query string of the analytics API: <c>from</c>, <c>to</c>, <c>route</c>.</summary>
public static partial class AnalyticsRequest
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    /// <summary>The period and route, or a problem: from/to ISO 8601 (UTC when no offset), from before to, at most a year apart.</summary>
    public static (AnalyticsQuery? Query, ProblemHttpResult? Problem) Read(HttpRequest request, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var query = request.Query;
        if (!TryTime(query["to"], out var to, out var problem) || !TryTime(query["from"], out var from, out problem))
        {
            return (null, problem);
        }
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - DefaultPeriod;
        if (start >= end)
        {
            return (null, ApiProblem.BadArgument("from must be before to."));
        }
        if (end - start > MaxPeriod)
        {
            return (null, ApiProblem.BadArgument("The period from..to is at most 366 days."));
        }
        var route = query["route"].ToString().Trim().ToLowerInvariant();
        if (route.Length > 0 && !RouteName().IsMatch(route))
        {
            return (null, ApiProblem.BadArgument("route must be a route name: 1 to 64 lower-case letters, digits, '_' or '-'."));
        }
        return (new AnalyticsQuery(start, end, route.Length == 0 ? null : route), null);
    }

    /// <summary>An optional whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static bool TryInt(HttpRequest request, string name, int fallback, int min, int max, out int value, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query[name].ToString();
        problem = null;
        value = fallback;
        if (text.Length == 0)
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            problem = ApiProblem.BadArgument($"{name} must be a whole number from {min} to {max}.");
            return false;
        }
        return true;
    }

    private static bool TryTime(string? text, out DateTimeOffset? value, out ProblemHttpResult? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            || parsed.Year < 2000 || parsed.Year > 9000)
        {
            problem = ApiProblem.BadArgument($"'{Clip(text)}' is not a date and time: use ISO 8601, e.g. 2026-11-24 or 2026-11-24T10:00:00Z.");
            return false;
        }
        value = parsed;
        return true;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex RouteName();
}
