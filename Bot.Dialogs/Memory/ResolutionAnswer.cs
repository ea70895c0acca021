using System.Text.RegularExpressions;

namespace Bot.Dialogs.Memory;

/// <summary>A reply to "is that solved now?": yes, no, or something else; and whether it says nothing more.</summary>
public readonly partial record struct ResolutionAnswer(bool? Solved, bool IsWholeMessage)
{
    public const string YesText = "Yes, it's solved";
    public const string NoText = "No, not yet";
    private const int MaxShortWords = 5;

    public static ResolutionAnswer Read(string? text)
    {
        var message = (text ?? "").Trim();
        if (message.Length == 0)
        {
            return new(null, false);
        }
        var yes = Yes().Match(message);
        var no = No().Match(message);
        var match = no.Success ? no : yes;
        if (!match.Success)
        {
            return new(null, false);
        }
        var rest = message[match.Length..].Trim(' ', ',', '.', '!', '-', '–', ':', ';');
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new(!no.Success, words == 0 || (words <= MaxShortWords && Filler().IsMatch(rest)));
    }

    [GeneratedRegex(@"^(yes|yeah|yep|yup|y|sure|solved|sorted|fixed|all good|it worked|it works|works now|it is|it's solved|it is solved|it was)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Yes();

    [GeneratedRegex(@"^(no|nope|nah|n|not yet|not really|not solved|it isn't|it is not|it's not|still not|still broken|unfortunately not)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex No();

    [GeneratedRegex(@"^(it'?s|it is|it was|solved|sorted|fixed|not yet|yet|thanks?|thank you|all good|now|still|really|[\s,.!'])*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();
}
