using System.Globalization;
using Bot.Tests.Infrastructure;
using System.Text;

namespace Bot.Tests.Learning;

/// <summary>The project's labelled sets in <c>samples/eval</c>.</summary>
internal static class EvalSets
{
    /// <summary>paraphrases.csv: per group, the question an agent answered, the approved answer, and its paraphrases.</summary>
    public static IReadOnlyList<ParaphraseGroup> Paraphrases()
    {
        var rows = Read("paraphrases.csv", "group", "question", "answer");
        return rows.GroupBy(r => int.Parse(r[0], CultureInfo.InvariantCulture))
            .Select(g => new ParaphraseGroup(g.Key, g.First()[1], g.First()[2], g.Skip(1).Select(r => r[1]).ToList()))
            .ToList();
    }

    /// <summary>kb-questions.csv: customer questions (the article that answers them is not needed here).</summary>
    public static IReadOnlyList<string> KbQuestions() => Read("kb-questions.csv", "question").Select(r => r[0]).ToList();

    /// <summary>router-examples.csv: labelled utterances (the text only).</summary>
    public static IReadOnlyList<string> RouterExamples() => Read("router-examples.csv", "text").Select(r => r[0]).ToList();

    private static List<string[]> Read(string file, params string[] columns)
    {
        var records = Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "eval", file)));
        var header = records[0];
        var indexes = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        return records.Skip(1).Where(r => r.Length == header.Length).Select(r => indexes.Select(i => r[i]).ToArray()).ToList();
    }

    /// <summary>RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes.</summary>
    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    break;
                case '\r':
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }

    public sealed record ParaphraseGroup(int Group, string Question, string Answer, IReadOnlyList<string> Paraphrases);
}
