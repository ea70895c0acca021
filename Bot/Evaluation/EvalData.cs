using System.Text.Json;
using Bot.Knowledge.Routing;
using CsvHelper;

namespace Bot.Evaluation;

/// <summary>A labelled message for the router: the route and (when known) intent it should get, and the data set's own label.</summary>
public sealed record RouterCase(string Text, string Route, string? Intent, string? SourceLabel);

/// <summary>A customer question and the slug of the article that answers it.</summary>
/// <param name="Question">The customer's wording.</param>
/// <param name="Article">The article (file name without extension) that answers it.</param>
/// <param name="Route">The route it belongs to.</param>
/// <param name="ExpectsHandoff">
/// True (column <c>expect</c> = <c>handoff</c>) when the question has an article but the escalation rules
/// demand a person (asks for one, complains formally, disputes a payment): scored as a handoff, not as an answer.
/// </param>
public sealed record KbQuestion(string Question, string Article, string Route, bool ExpectsHandoff = false)
{
    /// <summary>Other articles a reviewer found to answer the question as well (optional column <c>also</c>, <c>;</c>-separated).</summary>
    public IReadOnlyList<string> AlsoAnswering { get; init; } = [];
}

/// <summary>An agent-approved answer, the question it was given for, and paraphrases of that question.</summary>
public sealed record ParaphraseGroup(string Group, string Question, string Answer, IReadOnlyList<string> Paraphrases);

/// <summary>One message of a scripted conversation and the escalation reasons a person would name for it.</summary>
public sealed record EscalationStep(string Conversation, string Message, IReadOnlyList<string> Reasons);

/// <summary>Loads the evaluation sets: the project's own CSVs, Bitext, and CLINC150.</summary>
public static class EvalData
{
    /// <summary>The message that rates the bot's last answer down in an escalation script.</summary>
    public const string ThumbsDown = "[thumbs-down]";

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    public static IReadOnlyList<RouterCase> RouterCases(string path, RouterCsvFormat format) =>
        RouterExampleCsv.Parse(File.ReadAllText(path), "eval", format, int.MaxValue)
            .Select(r => new RouterCase(r.Example.Text, r.Example.Route, r.Example.Intent, r.SourceLabel))
            .ToList();

    public static IReadOnlyList<KbQuestion> KbQuestions(string path) =>
        Rows(path, "question", "article", "route", "expect?", "also?")
            .Select(r => new KbQuestion(r[0], r[1], r[2], string.Equals(r[3], "handoff", StringComparison.OrdinalIgnoreCase))
            {
                AlsoAnswering = r[4].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            })
            .ToList();

    public static IReadOnlyList<ParaphraseGroup> Paraphrases(string path)
    {
        var groups = new List<ParaphraseGroup>();
        foreach (var rows in Rows(path, "group", "question", "answer").GroupBy(r => r[0], StringComparer.Ordinal))
        {
            var list = rows.ToList();
            var approved = list.FirstOrDefault(r => r[2].Length > 0)
                ?? throw new InvalidDataException($"Group {rows.Key} of {path} has no approved answer.");
            groups.Add(new ParaphraseGroup(rows.Key, approved[1], approved[2], list.Where(r => r != approved).Select(r => r[1]).ToList()));
        }
        return groups;
    }

    public static IReadOnlyList<EscalationStep> EscalationScript(string path) =>
        Rows(path, "conversation", "message", "reasons")
            .Select(r => new EscalationStep(r[0], r[1], r[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    /// <summary>The texts of one split of CLINC150's <c>train_val.json</c> (e.g. <c>oos_val</c>).</summary>
    public static IReadOnlyList<string> Clinc(string path, string split)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty(split, out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path} has no split '{split}' (e.g. oos_val, oos_train, val).");
        }
        return rows.EnumerateArray().Select(r => r[0].GetString() ?? "").Where(t => t.Length > 0).ToList();
    }

    /// <summary>The values of <paramref name="columns"/> per row; a column named with a trailing <c>?</c> is optional (empty when absent).</summary>
    private static List<string[]> Rows(string path, params string[] columns)
    {
        using var reader = CsvReader.FromText(File.ReadAllText(path).TrimStart('\uFEFF'), Options);
        reader.ReadHeader();
        var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var indexes = columns.Select(c => header.IndexOf(c.TrimEnd('?'))).ToArray();
        var required = columns.Where(c => !c.EndsWith('?')).ToList();
        if (indexes.Where((index, i) => index < 0 && !columns[i].EndsWith('?')).Any())
        {
            throw new InvalidDataException($"{path} needs the columns {string.Join(',', required)}; found {string.Join(',', header)}.");
        }
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(indexes.Select(i => i < 0 ? "" : reader.GetString(i).Trim()).ToArray());
        }
        return rows;
    }
}
