using System.Text.RegularExpressions;
using Bot.Knowledge.Search;

namespace Bot.Dialogs.Responses.Llm;

/// <summary>
/// Checks a generated answer before a customer sees it. Rejected: an empty reply, the model's "no answer", a reply
/// that leaks the system prompt (its canary), and a reply with a link or e-mail address that none of the passages
/// holds (the usual payload of an injected instruction). Returns the passages the answer cites.
/// </summary>
public static partial class AnswerGuard
{
    public const int MaxAnswerLength = 2500;

    /// <summary>The reason the answer is rejected, or null when it may be sent.</summary>
    public static string? Reject(string? answer, IReadOnlyList<KnowledgeHit> passages, string canary)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (string.IsNullOrWhiteSpace(answer))
        {
            return "empty";
        }
        if (answer.Contains(GroundedPrompt.NoAnswer, StringComparison.Ordinal))
        {
            return "no answer in the passages";
        }
        if (answer.Contains(canary, StringComparison.Ordinal))
        {
            return "leaks the system prompt";
        }
        var allowed = string.Join('\n', passages.Select(p => p.Content + "\n" + p.Url));
        foreach (Match link in Link().Matches(answer))
        {
            var value = link.Value.TrimEnd('.', ',', ')', ']', ';', ':', '!', '?');
            if (!allowed.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                return $"a link or address not in the passages ({value})";
            }
        }
        return null;
    }

    /// <summary>The 0-based indexes of the passages cited as <c>[n]</c>, in order of first citation.</summary>
    public static IReadOnlyList<int> Citations(string answer, int passageCount)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Citation().Matches(answer)
            .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(n => int.TryParse(n, out var number) ? number - 1 : -1)
            .Where(i => i >= 0 && i < passageCount)
            .Distinct()
            .ToList();
    }

    /// <summary>The answer cut to <see cref="MaxAnswerLength"/> at a line or sentence end.</summary>
    public static string Clip(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        answer = answer.Trim();
        if (answer.Length <= MaxAnswerLength)
        {
            return answer;
        }
        var cut = answer.LastIndexOfAny(['\n', '.'], MaxAnswerLength - 1);
        return answer[..(cut > MaxAnswerLength / 2 ? cut + 1 : MaxAnswerLength)].TrimEnd() + " …";
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'`]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();
}
