using System.Text;
using System.Text.RegularExpressions;
using Bot.Dialogs.Agents;
using Bot.Knowledge.Search;

namespace Bot.Dialogs.Responses;

/// <summary>
/// Answers without a language model: the best passage, trimmed to the sentences (or list steps) that share the most
/// words with the question, in their original order, with the article it came from.
/// </summary>
public sealed partial class ExtractiveAnswerComposer : IAnswerComposer
{
    private const int MaxSentences = 4;
    private const int MaxCharacters = 900;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "can", "do", "does", "for", "how", "i", "if", "in", "is", "it", "my", "of", "on", "or",
        "the", "to", "what", "when", "where", "why", "with", "you", "your", "me", "we", "our", "this", "that", "be", "not",
    };

    /// <inheritdoc/>
    public Task<ComposedAnswer> ComposeAsync(string question, Evidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Best is not { } best)
        {
            return Task.FromResult(new ComposedAnswer(
                "I couldn't find that in our help centre. Could you put it another way, or ask to talk to a person?",
                AnswerSources.None,
                []));
        }
        var text = Trim(question, best.Content);
        var sources = evidence.Hits.DistinctBy(hit => hit.DocumentId).Take(3).ToList();
        return Task.FromResult(new ComposedAnswer(text, AnswerSources.KnowledgeBase, sources));
    }

    internal static string Trim(string question, string passage)
    {
        var units = SplitUnits(passage);
        if (units.Count <= MaxSentences && passage.Length <= MaxCharacters)
        {
            return passage.Trim();
        }
        var terms = Terms(question);
        var chosen = units
            .Select((unit, index) => (unit, index, score: Terms(unit).Count(terms.Contains)))
            .OrderByDescending(x => x.score).ThenBy(x => x.index)
            .Take(MaxSentences)
            .OrderBy(x => x.index)
            .ToList();
        var builder = new StringBuilder();
        foreach (var (unit, _, _) in chosen)
        {
            if (builder.Length + unit.Length > MaxCharacters && builder.Length > 0)
            {
                break;
            }
            builder.AppendLine(unit);
        }
        return builder.ToString().Trim();
    }

    private static List<string> SplitUnits(string passage)
    {
        var units = new List<string>();
        foreach (var line in passage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ListItem().IsMatch(line))
            {
                units.Add(line);
                continue;
            }
            units.AddRange(SentenceEnd().Split(line).Where(s => s.Length > 0));
        }
        return units;
    }

    private static HashSet<string> Terms(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(\d+[.)]|[-*+])\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Word();
}
