using Bot.Knowledge.Learning;

namespace Bot.Knowledge.Analytics;

/// <summary>
/// Groups gap questions by the content words they share (<see cref="QuestionTerms"/>, Dice overlap): each question
/// joins the first group whose first question it is similar enough to, else starts one. Biggest groups first.
/// </summary>
public static class GapGrouper
{
    private const int MaxExamples = 5;

    public static IReadOnlyList<KnowledgeGap> Group(IEnumerable<GapQuestion> questions, double similarity, int limit)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var groups = new List<(string[] Terms, List<GapQuestion> Members)>();
        foreach (var question in questions.OrderBy(q => q.At))
        {
            var terms = QuestionTerms.Of(question.Question);
            var key = Normalize(question.Question);
            var group = groups.FirstOrDefault(g =>
                terms.Length == 0 || g.Terms.Length == 0
                    ? Normalize(g.Members[0].Question) == key
                    : QuestionTerms.Overlap(g.Terms, terms) >= similarity);
            if (group.Members is null)
            {
                groups.Add((terms, [question]));
            }
            else
            {
                group.Members.Add(question);
            }
        }
        return groups
            .Select(g => ToGap(g.Members))
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAt)
            .Take(limit)
            .ToList();
    }

    private static KnowledgeGap ToGap(List<GapQuestion> members)
    {
        var label = members.GroupBy(m => Normalize(m.Question)).OrderByDescending(g => g.Count()).First().First().Question;
        return new KnowledgeGap(
            label,
            members.Count,
            members.GroupBy(m => m.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
            members.Select(m => m.Route).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            members.Select(m => m.Question).DistinctBy(Normalize).Take(MaxExamples).ToList(),
            members.Select(m => m.ConversationId).Distinct().Take(MaxExamples).ToList(),
            members.Max(m => m.At),
            "/admin?q=" + Uri.EscapeDataString(label));
    }

    private static string Normalize(string question) => string.Join(' ', question.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
