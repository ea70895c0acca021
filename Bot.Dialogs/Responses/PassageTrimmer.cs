using System.Text;
using System.Text.RegularExpressions;
using Bot.Knowledge.Learning;

namespace Bot.Dialogs.Responses;

/// <summary>
/// Trims a passage to what answers a question. The passage is cut into blocks: sentences of its paragraphs, and
/// whole lists (with the line that introduces them). Each block is scored by the question's content words it holds
/// (stemmed, so "cancelling" finds "cancel"), each word weighted by how rare it is in the passage, plus the words of
/// the heading it sits under; the first sentence gets a small bonus, since articles lead with the answer. The best
/// blocks are kept in their original order within a length budget. A numbered list (steps) is kept whole so the steps
/// still read as steps; a long bulleted list keeps only the items that match.
/// </summary>
public static partial class PassageTrimmer
{
    public const int MaxSentences = 4;
    public const int MaxCharacters = 900;

    /// <summary>Steps are worth a longer answer than prose.</summary>
    public const int MaxCharactersWithSteps = 1400;

    private const int MaxStepsKeptWhole = 12;
    private const double LeadBonus = 0.35;

    /// <param name="question">The customer's question.</param>
    /// <param name="passage">The passage's text.</param>
    /// <param name="heading">The passage's heading path (<c>"Title &gt; Section"</c>); its last part introduces a list that has no line of its own.</param>
    public static string Trim(string question, string passage, string? heading = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passage);
        var blocks = Parse(passage, LastPart(heading));
        var sentenceCount = blocks.Sum(b => b.IsList ? b.Items.Count : 1);
        if (blocks.Count == 0)
        {
            return passage.Trim();
        }
        if (sentenceCount <= MaxSentences && passage.Length <= MaxCharacters)
        {
            return Render(blocks);
        }

        Score(question, blocks);
        var chosen = new List<Block>();
        var length = 0;
        var sentences = 0;
        foreach (var block in blocks.Where(b => b.Score > 0).OrderByDescending(b => b.Score).ThenBy(b => b.Order))
        {
            var piece = block.IsList ? Shrink(block) : block;
            var budget = piece.IsList && piece.Numbered ? MaxCharactersWithSteps : MaxCharacters;
            if (chosen.Count > 0 && (length + piece.Length > budget || sentences >= MaxSentences))
            {
                continue;
            }
            chosen.Add(piece);
            length += piece.Length;
            sentences++;
            if (sentences >= MaxSentences)
            {
                break;
            }
        }
        if (chosen.Count == 0)
        {
            // Nothing matched word for word (a paraphrase): the search still ranked this passage first, so lead with its start.
            chosen.AddRange(blocks.Where(b => !b.IsList).Take(2));
            if (chosen.Count == 0)
            {
                chosen.Add(Shrink(blocks[0]));
            }
        }
        return Render([.. chosen.OrderBy(b => b.Order)]);
    }

    private static void Score(string question, List<Block> blocks)
    {
        var terms = QuestionTerms.Of(question).ToHashSet(StringComparer.Ordinal);
        if (terms.Count == 0)
        {
            return;
        }
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            block.Terms = QuestionTerms.Of(Plain(block.LeadIn + " " + block.Text));
            foreach (var term in block.Terms.Where(terms.Contains))
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }
        double Weight(string term) => Math.Log(1 + (double)blocks.Count / frequency.GetValueOrDefault(term, 1));

        var first = blocks.FirstOrDefault(b => !b.IsList);
        foreach (var block in blocks)
        {
            var matched = block.Terms.Where(terms.Contains).Sum(Weight);
            var heading = QuestionTerms.Of(block.Heading).Count(terms.Contains) * 0.5;
            block.Score = matched == 0 && heading == 0
                ? 0
                : (matched / Math.Sqrt(1 + block.Terms.Length / 8.0)) + heading + (block == first ? LeadBonus : 0);
            if (block.IsList)
            {
                foreach (var item in block.Items)
                {
                    item.Score = QuestionTerms.Of(Plain(item.Text)).Where(terms.Contains).Sum(Weight);
                }
            }
        }
    }

    /// <summary>A numbered list stays whole (steps); a long bulleted list keeps its lead-in and the items that match.</summary>
    private static Block Shrink(Block list)
    {
        if (!list.IsList || (list.Numbered && list.Items.Count <= MaxStepsKeptWhole) || list.Items.Count <= MaxSentences)
        {
            return list;
        }
        var items = list.Items.Where(i => i.Score > 0).OrderByDescending(i => i.Score).Take(MaxSentences).OrderBy(i => i.Order).ToList();
        return list with { Items = items.Count > 0 ? items : list.Items.Take(MaxSentences).ToList() };
    }

    private static string Render(IReadOnlyList<Block> blocks)
    {
        var builder = new StringBuilder();
        Block? previous = null;
        foreach (var block in blocks)
        {
            if (previous is not null)
            {
                var sameParagraph = !block.IsList && !previous.IsList && block.Paragraph == previous.Paragraph && block.Order == previous.Order + 1;
                builder.Append(sameParagraph ? " " : "\n\n");
            }
            if (block.IsList)
            {
                if (block.LeadIn is { } leadIn)
                {
                    builder.Append(leadIn).Append('\n');
                }
                builder.AppendJoin('\n', block.Items.Select(i => i.Text));
            }
            else
            {
                builder.Append(block.Text);
            }
            previous = block;
        }
        return builder.ToString().Trim();
    }

    /// <summary>Cuts the passage into sentence blocks and list blocks, remembering paragraphs and headings.</summary>
    private static List<Block> Parse(string passage, string sectionHeading)
    {
        var blocks = new List<Block>();
        var heading = sectionHeading;
        var paragraph = 0;
        Block? list = null;
        string? pendingLeadIn = null;
        var order = 0;
        foreach (var raw in passage.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                paragraph++;
                list = null;
                continue;
            }
            if (Heading().Match(line) is { Success: true } h)
            {
                heading = h.Groups[1].Value;
                paragraph++;
                list = null;
                continue;
            }
            if (ListItem().Match(line) is { Success: true } item)
            {
                if (list is null)
                {
                    var leadIn = pendingLeadIn;
                    if (leadIn is not null && blocks.Count > 0 && blocks[^1].Text == leadIn)
                    {
                        blocks.RemoveAt(blocks.Count - 1);
                    }
                    // Without a line introducing it, the list's heading does ("Change your password while signed in:").
                    leadIn ??= heading.Length > 0 ? heading.TrimEnd(':') + ":" : null;
                    list = new Block(order++, paragraph, heading, "", Numbered: char.IsDigit(item.Value[0])) { LeadIn = leadIn };
                    blocks.Add(list);
                }
                list.Items.Add(new Block(list.Items.Count, paragraph, heading, line, false));
                continue;
            }
            list = null;
            pendingLeadIn = null;
            foreach (var sentence in SentenceEnd().Split(line).Where(s => s.Length > 0))
            {
                blocks.Add(new Block(order++, paragraph, heading, sentence.Trim(), false));
            }
            if (line.EndsWith(':'))
            {
                pendingLeadIn = blocks[^1].Text;
            }
            paragraph++;
        }
        foreach (var block in blocks.Where(b => b.IsList))
        {
            block.Text = string.Join('\n', block.Items.Select(i => i.Text));
        }
        return blocks;
    }

    private static string LastPart(string? heading) =>
        heading is null ? "" : heading.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";

    /// <summary>Markdown links and emphasis reduced to their words, for scoring only.</summary>
    private static string Plain(string text) => MarkdownLink().Replace(text, "$1").Replace("**", "", StringComparison.Ordinal);

    private sealed record Block(int Order, int Paragraph, string Heading, string Text, bool Numbered)
    {
        public string Text { get; set; } = Text;

        public List<Block> Items { get; init; } = [];

        public string? LeadIn { get; init; }

        public bool IsList => Items.Count > 0;

        public double Score { get; set; }

        public string[] Terms { get; set; } = [];

        public int Length => (LeadIn?.Length ?? 0) + (IsList ? Items.Sum(i => i.Text.Length + 1) : Text.Length);
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\d+[.)]|[-*+•])\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'(*\[])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();
}
