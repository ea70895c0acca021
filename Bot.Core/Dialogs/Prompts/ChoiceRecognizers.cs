using System.Globalization;

namespace Bot.Core.Dialogs;

/// <summary>
/// Finds which choice an English answer picks: a value, synonym or action title contained in the answer
/// (case-insensitive, whole words), else the choice's number ("2", "option 2") or ordinal ("the second one").
/// </summary>
/// <remarks>A small stand-in for the SDK's Microsoft.Recognizers.Text based recognizer.</remarks>
public static class ChoiceRecognizers
{
    private static readonly string[] Ordinals =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>Returns the matching choices, best first (highest score, then earliest in the answer).</summary>
    public static IReadOnlyList<FoundChoice> RecognizeChoices(string? utterance, IList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var words = Tokenize(utterance);
        if (words.Count == 0)
        {
            return [];
        }

        var matches = new List<(FoundChoice Found, int Position)>();
        for (var index = 0; index < choices.Count; index++)
        {
            var best = BestTextMatch(choices[index], index, words);
            if (best != null)
            {
                matches.Add(best.Value);
            }
        }

        if (matches.Count > 0)
        {
            return matches.OrderByDescending(m => m.Found.Score).ThenBy(m => m.Position).Select(m => m.Found).ToList();
        }

        var byNumber = MatchNumber(words, choices);
        return byNumber == null ? [] : [byNumber];
    }

    internal static List<string> Tokenize(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    private static (FoundChoice Found, int Position)? BestTextMatch(Choice choice, int index, List<string> words)
    {
        var candidates = new List<string> { choice.Value };
        if (!string.IsNullOrEmpty(choice.Action?.Title))
        {
            candidates.Add(choice.Action.Title);
        }

        if (choice.Synonyms != null)
        {
            candidates.AddRange(choice.Synonyms);
        }

        (FoundChoice Found, int Position)? best = null;
        foreach (var candidate in candidates)
        {
            var tokens = Tokenize(candidate);
            var position = IndexOf(words, tokens);
            if (position < 0)
            {
                continue;
            }

            var score = (float)tokens.Count / words.Count;
            if (best == null || score > best.Value.Found.Score)
            {
                best = (new FoundChoice { Value = choice.Value, Index = index, Score = score, Synonym = candidate }, position);
            }
        }

        return best;
    }

    private static int IndexOf(List<string> words, List<string> tokens)
    {
        if (tokens.Count == 0 || tokens.Count > words.Count)
        {
            return -1;
        }

        for (var start = 0; start + tokens.Count <= words.Count; start++)
        {
            if (words.Skip(start).Take(tokens.Count).SequenceEqual(tokens, StringComparer.Ordinal))
            {
                return start;
            }
        }

        return -1;
    }

    private static FoundChoice? MatchNumber(List<string> words, IList<Choice> choices)
    {
        foreach (var word in words)
        {
            var number = int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : Array.IndexOf(Ordinals, word) + 1;
            if (number >= 1 && number <= choices.Count)
            {
                var choice = choices[number - 1];
                return new FoundChoice { Value = choice.Value, Index = number - 1, Score = 1f, Synonym = word };
            }
        }

        return null;
    }
}
