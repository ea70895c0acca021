using System.Text.RegularExpressions;
using Bot.Knowledge.Learning;

namespace Bot.Dialogs.Routing;

/// <summary>
/// Short follow-ups ("and on the yearly plan?", "it still fails", "what about refunds") lean on the question before
/// them: searched alone they find nothing useful. A follow-up is a short message with few content words that starts
/// like a continuation or points back ("it", "that", "still"); it is searched together with the previous question.
/// </summary>
public static partial class FollowUpRewriter
{
    private const int MaxWords = 9;
    private const int MaxContentWords = 3;
    private const int MaxBareContentWords = 2;

    /// <summary>True when <paramref name="message"/> reads as a follow-up to the question before it.</summary>
    public static bool IsFollowUp(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var normalized = RouterRules.Normalize(message);
        var words = Word().Count(normalized);
        if (words == 0 || words > MaxWords || QuestionTerms.Of(normalized).Length > MaxContentWords)
        {
            return false;
        }
        return Continuation().IsMatch(normalized) || PointsBack().IsMatch(normalized);
    }

    /// <summary>
    /// True for a follow-up so bare that without a question before it there is nothing to answer ("it still fails",
    /// "what about that one"): at most two content words. "does it work in internet explorer" is not: it names its topic.
    /// </summary>
    public static bool IsBare(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return IsFollowUp(message) && QuestionTerms.Of(RouterRules.Normalize(message)).Length <= MaxBareContentWords;
    }

    /// <summary>The text to search for a follow-up: the message with the previous question's words.</summary>
    public static string Rewrite(string message, string previousQuestion)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(previousQuestion);
        return $"{message.Trim()} ({previousQuestion.Trim()})";
    }

    [GeneratedRegex(@"^(and|also|but|or|so|plus|then|what about|how about|same for|same with|same on|same question|what if|and if|even|ok and|okay and|and what about)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\b(it|its|it's|that|this|those|these|them|they|still|again|anymore|either|too|instead|same)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
