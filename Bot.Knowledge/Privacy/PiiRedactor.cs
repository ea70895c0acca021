using System.Text.RegularExpressions;

namespace Bot.Knowledge.Privacy;

/// <summary>
/// Replaces email addresses, card numbers and phone numbers in free text with <c>[email]</c>, <c>[card]</c> and
/// <c>[phone]</c>. The one redactor of the project: questions stored for analytics and log messages both go through it.
/// </summary>
public static partial class PiiRedactor
{
    public const string Email = "[email]";
    public const string Card = "[card]";
    public const string Phone = "[phone]";

    /// <summary>The text with personal data replaced; null stays null.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || !MayContainPii(text))
        {
            return text;
        }
        var redacted = EmailPattern().Replace(text, Email);
        redacted = CardPattern().Replace(redacted, Card);
        return PhonePattern().Replace(redacted, match => IsPhone(match.Value) ? Phone : match.Value);
    }

    /// <summary>Cheap pre-check: no '@' and fewer than 7 digits means nothing to redact.</summary>
    private static bool MayContainPii(string text)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && ++digits >= 7)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>7 to 15 digits with separators or a leading +, or 10 or more digits in a row; never an ISO date.</summary>
    private static bool IsPhone(string candidate)
    {
        if (IsoDate().IsMatch(candidate))
        {
            return false;
        }
        var digits = candidate.Count(char.IsAsciiDigit);
        var separated = candidate.StartsWith('+') || candidate.Any(c => c is ' ' or '-' or '(' or ')');
        return digits is >= 7 and <= 15 && (separated || digits >= 10);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w])(?:\d[ \-]?){12,18}\d(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![\w+])\+?\(?\d(?:[ \-()]{0,2}\d){6,14}(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
