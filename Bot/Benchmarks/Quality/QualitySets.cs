using System.Text.Json;
using Bot.Evaluation;

namespace Bot.Benchmarks.Quality;

/// <summary>The labelled sets <c>bench quality</c> knows: the project's own help centre, and DSTC11 track 5's FAQs and reviews.</summary>
public static class QualitySets
{
    /// <summary>The sample help centre (articles and FAQ) with <c>samples/eval/kb-questions.csv</c>; keys are article slugs.</summary>
    public static QualitySet HelpCentre(string repositoryRoot)
    {
        var questions = EvalData.KbQuestions(Path.Combine(repositoryRoot, "samples", "eval", "kb-questions.csv"))
            .Select(q => new LabelledQuestion(q.Question, new HashSet<string>(StringComparer.Ordinal) { q.Article }))
            .ToList();
        return new QualitySet(
            "help centre",
            [Path.Combine(repositoryRoot, "samples", "kb", "articles"), Path.Combine(repositoryRoot, "samples", "kb", "faq.csv")],
            questions,
            Slug);
    }

    /// <summary>
    /// DSTC11 track 5 (<c>knowledge.json</c>, <c>dev_logs.json</c>, <c>dev_labels.json</c>): every FAQ and every review
    /// becomes one document of an FAQ file written to <paramref name="workFolder"/>, keyed by a URL naming domain,
    /// entity, type and id. A question is the dialogue's last customer turn, prefixed with the name of the hotel or
    /// restaurant the dialogue last mentioned (a simple entity link) when the turn does not name it; the first
    /// <paramref name="limit"/> dialogues that need knowledge are used.
    /// </summary>
    public static QualitySet Dstc11(string folder, string workFolder, int limit)
    {
        using var knowledge = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "knowledge.json")));
        Directory.CreateDirectory(workFolder);
        var faqPath = Path.Combine(workFolder, "dstc11-knowledge.csv");
        var names = new List<(string Name, string Domain)>();
        using (var csv = new StreamWriter(faqPath))
        {
            csv.WriteLine("question,answer,category,url");
            foreach (var domain in knowledge.RootElement.EnumerateObject())
            {
                foreach (var entity in domain.Value.EnumerateObject())
                {
                    var name = entity.Value.GetProperty("name").GetString() ?? entity.Name;
                    names.Add((name, domain.Name));
                    if (entity.Value.TryGetProperty("faqs", out var faqs))
                    {
                        foreach (var faq in faqs.EnumerateObject())
                        {
                            Write(csv, $"{name}: {faq.Value.GetProperty("question").GetString()}", faq.Value.GetProperty("answer").GetString() ?? "",
                                domain.Name, Key(domain.Name, entity.Name, "faq", faq.Name));
                        }
                    }
                    if (entity.Value.TryGetProperty("reviews", out var reviews))
                    {
                        foreach (var review in reviews.EnumerateObject())
                        {
                            var sentences = string.Join(" ", review.Value.GetProperty("sentences").EnumerateObject().Select(s => s.Value.GetString()));
                            Write(csv, $"What guests say about {name}", sentences, domain.Name, Key(domain.Name, entity.Name, "review", review.Name));
                        }
                    }
                }
            }
        }

        using var logs = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "dev_logs.json")));
        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "dev_labels.json")));
        var byLength = names.Where(n => n.Name.Length >= 4).OrderByDescending(n => n.Name.Length).ToList();
        var questions = new List<LabelledQuestion>();
        var dialogues = logs.RootElement.EnumerateArray().Zip(labels.RootElement.EnumerateArray());
        foreach (var (log, label) in dialogues)
        {
            if (questions.Count >= limit)
            {
                break;
            }
            if (!label.GetProperty("target").GetBoolean())
            {
                continue;
            }
            var turns = log.EnumerateArray().Select(t => t.GetProperty("text").GetString() ?? "").ToList();
            var question = turns[^1];
            var entity = LastMentioned(turns, byLength);
            if (entity is not null && !question.Contains(entity, StringComparison.OrdinalIgnoreCase))
            {
                question = entity + ": " + question;
            }
            var answers = label.GetProperty("knowledge").EnumerateArray()
                .Select(k => Key(
                    k.GetProperty("domain").GetString()!,
                    k.GetProperty("entity_id").ToString(),
                    k.GetProperty("doc_type").GetString()!,
                    k.GetProperty("doc_id").ToString()))
                .ToHashSet(StringComparer.Ordinal);
            questions.Add(new LabelledQuestion(question, answers));
        }
        return new QualitySet("DSTC11 track 5", [faqPath], questions, (url, _) => url ?? "");
    }

    private static string? LastMentioned(IReadOnlyList<string> turns, IReadOnlyList<(string Name, string Domain)> names)
    {
        for (var i = turns.Count - 1; i >= 0; i--)
        {
            var turn = turns[i];
            foreach (var (name, _) in names)
            {
                if (turn.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    return name;
                }
            }
        }
        return null;
    }

    private static void Write(StreamWriter csv, string question, string answer, string category, string url) =>
        csv.WriteLine(string.Join(',', new[] { question, answer, category, url }.Select(Quote)));

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Key(string domain, string entity, string type, string id) =>
        $"https://dstc11.example/{domain}/{entity}/{type}/{id}";

    private static string Slug(string? url, string source) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Segments[^1].Trim('/') : Path.GetFileNameWithoutExtension(source);
}
