using System.Globalization;
using System.Text;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Learning;
using Bot.Knowledge.Search;
using Npgsql;

namespace Bot.Evaluation;

/// <summary>The measurements that go through search or the whole bot: retrieval, answering, out of scope, escalation, feedback uplift.</summary>
public sealed class PipelineEvaluation(IServiceProvider services, BotProbe probe)
{
    private Dictionary<long, string>? _slugs;

    /// <summary>Recall@5 and MRR of the labelled article among the top five documents (one passage each) for the Search agent's query (the router's route as the preferred category).</summary>
    public async Task<RetrievalReport> RetrievalAsync(IReadOnlyList<KbQuestion> questions, TextWriter? features, CancellationToken cancellationToken)
    {
        var search = services.GetRequiredService<IKnowledgeSearch>();
        var router = services.GetRequiredService<IRouterModel>();
        var slugs = await SlugsAsync(cancellationToken);
        int found = 0, foundAny = 0;
        double reciprocal = 0, reciprocalAny = 0;
        var misses = new List<string>();
        foreach (var question in questions)
        {
            var route = await router.ClassifyAsync(question.Question, cancellationToken);
            var hits = await search.SearchAsync(new KnowledgeQuery(question.Question, 5, route.Category, MaxPerDocument: 1), cancellationToken);
            var articles = hits.Select(h => slugs.GetValueOrDefault(h.DocumentId)).Distinct(StringComparer.Ordinal).ToList();
            var rank = articles.IndexOf(question.Article);
            var anyRank = articles.FindIndex(a => a == question.Article || question.AlsoAnswering.Contains(a, StringComparer.Ordinal));
            if (anyRank >= 0)
            {
                foundAny++;
                reciprocalAny += 1.0 / (anyRank + 1);
            }
            if (rank >= 0)
            {
                found++;
                reciprocal += 1.0 / (rank + 1);
            }
            else
            {
                misses.Add($"{question.Question} ({question.Article}) -> {string.Join(", ", articles.Take(3))}");
            }
            await WriteFeaturesAsync(features, "kb", 1, rank == 0 ? 1 : 0, hits, route, await CoverageAsync(question.Question, cancellationToken));
        }
        return new RetrievalReport(questions.Count, RouterEvaluation.Ratio(found, questions.Count),
            questions.Count == 0 ? 0 : Math.Round(reciprocal / questions.Count, 4))
        {
            Misses = misses,
            RecallAt5AnyAnswering = RouterEvaluation.Ratio(foundAny, questions.Count),
            MrrAnyAnswering = questions.Count == 0 ? 0 : Math.Round(reciprocalAny / questions.Count, 4),
        };
    }

    /// <summary>Retrieval features of messages the bot should not answer (for fitting the retrieval confidence).</summary>
    public async Task OutOfScopeFeaturesAsync(IReadOnlyList<string> messages, TextWriter features, CancellationToken cancellationToken)
    {
        var search = services.GetRequiredService<IKnowledgeSearch>();
        var router = services.GetRequiredService<IRouterModel>();
        foreach (var message in messages)
        {
            var route = await router.ClassifyAsync(message, cancellationToken);
            var hits = await search.SearchAsync(new KnowledgeQuery(message, 5, route.Category), cancellationToken);
            await WriteFeaturesAsync(features, "oos", 0, 0, hits, route, await CoverageAsync(message, cancellationToken));
        }
    }

    /// <summary>
    /// Each answerable question in a new conversation: answered without escalation, and from the right article.
    /// Questions labelled as expecting a handoff are asked too and only counted as handed off or not.
    /// </summary>
    public async Task<AnswerReport> AnswerableAsync(IReadOnlyList<KbQuestion> questions, CancellationToken cancellationToken)
    {
        var slugs = await SlugsAsync(cancellationToken);
        int answered = 0, right = 0, escalated = 0, declined = 0, handedOff = 0;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var notAnswered = new List<string>();
        foreach (var question in questions.Where(q => q.ExpectsHandoff))
        {
            if ((await probe.AskAsync(question.Question, cancellationToken)).Escalated)
            {
                handedOff++;
            }
        }
        var handoffs = questions.Count(q => q.ExpectsHandoff);
        questions = questions.Where(q => !q.ExpectsHandoff).ToList();
        foreach (var question in questions)
        {
            var reply = await probe.AskAsync(question.Question, cancellationToken);
            if (!reply.Answered && notAnswered.Count < 100)
            {
                var routed = await services.GetRequiredService<IRouterModel>().ClassifyAsync(question.Question, cancellationToken);
                notAnswered.Add($"{question.Question} -> {(reply.Escalated ? "escalated " + string.Join('+', reply.Reasons) : reply.Text.Contains("can't help with that", StringComparison.Ordinal) ? "declined out of scope" : "declined")} " +
                    $"(intent {reply.Intent} {routed.IntentConfidence:0.00}, route {reply.Route} {reply.Confidence:0.00})");
            }
            if (reply.Answered)
            {
                answered++;
                if (reply.AnswerSource == "learned" || (reply.SourceDocumentIds.Count > 0 && slugs.GetValueOrDefault(reply.SourceDocumentIds[0]) == question.Article))
                {
                    right++;
                }
            }
            else if (reply.Escalated)
            {
                escalated++;
                foreach (var reason in reply.Reasons)
                {
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                }
            }
            else
            {
                declined++;
            }
        }
        var n = questions.Count;
        return new AnswerReport(n, RouterEvaluation.Ratio(answered, n), RouterEvaluation.Ratio(right, n),
            RouterEvaluation.Ratio(escalated, n), RouterEvaluation.Ratio(declined, n), reasons, notAnswered)
        {
            HandoffsExpected = handoffs,
            HandedOff = handedOff,
        };
    }

    /// <summary>Each out-of-scope message in a new conversation: the bot must decline or hand off, not answer.</summary>
    public async Task<OutOfScopeReport> OutOfScopeAsync(IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        int notAnswered = 0, declined = 0, escalated = 0;
        var answeredExamples = new List<string>();
        foreach (var message in messages)
        {
            var reply = await probe.AskAsync(message, cancellationToken);
            if (reply.NotAnswered)
            {
                notAnswered++;
                if (reply.Escalated)
                {
                    escalated++;
                }
                else
                {
                    declined++;
                }
            }
            else if (answeredExamples.Count < 25)
            {
                answeredExamples.Add(message);
            }
        }
        var n = messages.Count;
        return new OutOfScopeReport(n, RouterEvaluation.Ratio(notAnswered, n), RouterEvaluation.Ratio(declined, n),
            RouterEvaluation.Ratio(escalated, n), answeredExamples);
    }

    /// <summary>
    /// Scripted conversations: the reasons the bot recorded anywhere in a conversation against the reasons a person
    /// named for it, per reason; <c>[thumbs-down]</c> rates the bot's last answer down.
    /// </summary>
    public async Task<EscalationReport> EscalationScriptAsync(IReadOnlyList<EscalationStep> steps, CancellationToken cancellationToken)
    {
        var cases = new List<(string Name, HashSet<string> Expected, HashSet<string> Fired)>();
        foreach (var conversation in steps.GroupBy(s => s.Conversation, StringComparer.Ordinal))
        {
            var expected = conversation.SelectMany(s => s.Reasons).ToHashSet(StringComparer.Ordinal);
            var fired = new HashSet<string>(StringComparer.Ordinal);
            ProbeReply? last = null;
            foreach (var step in conversation)
            {
                ProbeReply reply;
                if (step.Message == EvalData.ThumbsDown)
                {
                    if (last?.ThumbsDown is not { } thumbs)
                    {
                        throw new InvalidDataException($"Conversation {conversation.Key}: {EvalData.ThumbsDown} follows no answer card.");
                    }
                    reply = await probe.SubmitAsync(conversation.Key, thumbs, cancellationToken);
                }
                else
                {
                    reply = await probe.SayAsync(conversation.Key, step.Message, cancellationToken);
                    last = reply;
                }
                if (reply.Escalated)
                {
                    fired.UnionWith(reply.Reasons);
                }
            }
            cases.Add((conversation.Key, expected, fired));
        }
        return Score(cases);
    }

    /// <summary>Single labelled messages (e.g. Bitext): the reasons the bot recorded against the reason the label implies.</summary>
    public async Task<EscalationReport> EscalationMessagesAsync(IReadOnlyList<RouterCase> cases, CancellationToken cancellationToken)
    {
        var scored = new List<(string Name, HashSet<string> Expected, HashSet<string> Fired)>();
        foreach (var item in cases)
        {
            var reply = await probe.AskAsync(item.Text, cancellationToken);
            var expected = item.Intent switch
            {
                "asks_for_human" => new HashSet<string>(StringComparer.Ordinal) { "asks_for_human" },
                "complaint" => new HashSet<string>(StringComparer.Ordinal) { "complaint" },
                _ => new HashSet<string>(StringComparer.Ordinal),
            };
            scored.Add((item.Text, expected, reply.Escalated ? reply.Reasons.ToHashSet(StringComparer.Ordinal) : []));
        }
        return Score(scored);
    }

    /// <summary>
    /// Feedback uplift: every paraphrase asked before and after the approved answers went in through the correction
    /// service (as the agent hub sends them); a paraphrase counts when the reply is the corrected answer. Afterwards
    /// <paramref name="others"/> (the help centre's labelled questions) are asked too: the share given a learned answer
    /// shows how far the corrections reach beyond their own questions. Some of those questions are about the same
    /// topics, so it is an upper bound of answers taken over wrongly, not a count of them.
    /// </summary>
    public async Task<FeedbackReport?> FeedbackAsync(
        IReadOnlyList<ParaphraseGroup> groups, IReadOnlyList<KbQuestion> others, TextWriter? matchFeatures, CancellationToken cancellationToken)
    {
        if (services.GetService<CorrectionService>() is not { } corrections)
        {
            return null;
        }
        var router = services.GetRequiredService<IRouterModel>();
        var before = await CorrectedShareAsync(groups, null, cancellationToken);
        var learnedGroups = new Dictionary<long, string>();
        foreach (var group in groups)
        {
            var route = await router.ClassifyAsync(group.Question, cancellationToken);
            learnedGroups[(await corrections.ApplyAsync(new Correction(group.Question, group.Answer, route.Category, null, "eval"), cancellationToken)).LearnedAnswerId] = group.Group;
        }
        if (matchFeatures is not null)
        {
            await WriteMatchFeaturesAsync(groups, others, learnedGroups, matchFeatures, cancellationToken);
        }
        var misses = new List<string>();
        var after = await CorrectedShareAsync(groups, misses, cancellationToken);
        var taken = new List<string>();
        foreach (var question in others)
        {
            var reply = await probe.AskAsync(question.Question, cancellationToken);
            if (reply.AnswerSource == "learned")
            {
                taken.Add($"{question.Question} ({question.Article}) -> {Clip(reply.Text.ReplaceLineEndings(" "), 100)}");
            }
        }
        return new FeedbackReport(groups.Count, groups.Sum(g => g.Paraphrases.Count), before, after, misses)
        {
            OtherQuestions = others.Count,
            OtherLearned = RouterEvaluation.Ratio(taken.Count, others.Count),
            OtherTaken = taken,
        };
    }

    /// <summary>
    /// Every paraphrase, then every other question (group <c>other</c>, never its own), against every learned answer,
    /// with the match's features and whether it is the paraphrase's own (for fitting the learned-answer match weights
    /// and threshold against what they would take over).
    /// </summary>
    private async Task WriteMatchFeaturesAsync(
        IReadOnlyList<ParaphraseGroup> groups, IReadOnlyList<KbQuestion> others, Dictionary<long, string> learnedGroups, TextWriter writer,
        CancellationToken cancellationToken)
    {
        if (services.GetService<ILearnedAnswerStore>() is not PostgresLearnedAnswerStore store)
        {
            return;
        }
        var search = services.GetRequiredService<IKnowledgeSearch>();
        var router = services.GetRequiredService<IRouterModel>();
        await writer.WriteLineAsync("group,paraphrase,candidate,label,question_cosine,answer_cosine,question_words,answer_words,agreement");
        var asked = groups.SelectMany(g => g.Paraphrases.Select(p => (Group: g.Group, Text: p)))
            .Concat(others.Select(o => (Group: "other", Text: o.Question)));
        foreach (var (group, paraphrase) in asked)
        {
            var route = await router.ClassifyAsync(paraphrase, cancellationToken);
            var passages = await search.SearchAsync(new KnowledgeQuery(paraphrase, 5, route.Category), cancellationToken);
            foreach (var match in await store.RankAsync(paraphrase, passages, learnedGroups.Count, cancellationToken))
            {
                if (match.Features is not { } f)
                {
                    continue;
                }
                var candidate = learnedGroups.GetValueOrDefault(match.Id) ?? "";
                await writer.WriteLineAsync(string.Join(',',
                    group, Csv(paraphrase), candidate,
                    candidate == group ? "1" : "0", F(f.QuestionCosine), F(f.AnswerCosine), F(f.QuestionWords), F(f.AnswerWords),
                    f.Agreement is { } agreement ? F(agreement) : ""));
            }
        }

        static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
        static string Csv(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private async Task<double> CorrectedShareAsync(IReadOnlyList<ParaphraseGroup> groups, List<string>? misses, CancellationToken cancellationToken)
    {
        int total = 0, corrected = 0;
        foreach (var group in groups)
        {
            var expected = Normalize(group.Answer);
            var probeText = expected[..Math.Min(expected.Length, 60)];
            foreach (var paraphrase in group.Paraphrases)
            {
                total++;
                var reply = await probe.AskAsync(paraphrase, cancellationToken);
                if (reply.Answered && Normalize(reply.Text).Contains(probeText, StringComparison.Ordinal))
                {
                    corrected++;
                }
                else
                {
                    misses?.Add($"group {group.Group}: {paraphrase} -> {reply.AnswerSource}{(reply.Escalated ? " escalated " + string.Join('+', reply.Reasons) : "")} (intent {reply.Intent}){(reply.AnswerSource == "learned" ? ": " + Clip(reply.Text.ReplaceLineEndings(" "), 160) : "")}");
                }
            }
        }
        return RouterEvaluation.Ratio(corrected, total);
    }

    private static EscalationReport Score(List<(string Name, HashSet<string> Expected, HashSet<string> Fired)> cases)
    {
        var reasons = new SortedDictionary<string, ClassScore>(StringComparer.Ordinal);
        var misses = new List<string>();
        foreach (var reason in cases.SelectMany(c => c.Expected.Concat(c.Fired)).Distinct(StringComparer.Ordinal))
        {
            var support = cases.Count(c => c.Expected.Contains(reason));
            var predicted = cases.Count(c => c.Fired.Contains(reason));
            var correct = cases.Count(c => c.Expected.Contains(reason) && c.Fired.Contains(reason));
            reasons[reason] = new ClassScore(support, predicted, correct);
        }
        foreach (var (name, expected, fired) in cases.Where(c => !c.Expected.SetEquals(c.Fired)).Take(60))
        {
            misses.Add($"{name}: expected [{string.Join(", ", expected.Order(StringComparer.Ordinal))}], got [{string.Join(", ", fired.Order(StringComparer.Ordinal))}]");
        }
        var calm = cases.Where(c => c.Expected.Count == 0).ToList();
        return new EscalationReport(cases.Count, RouterEvaluation.Ratio(calm.Count(c => c.Fired.Count > 0), calm.Count), reasons, misses);
    }

    private Task<double> CoverageAsync(string text, CancellationToken cancellationToken) =>
        services.GetRequiredService<Bot.Knowledge.Routing.IKnowledgeVocabulary>().CoverageAsync(text, cancellationToken);

    private async Task<Dictionary<long, string>> SlugsAsync(CancellationToken cancellationToken)
    {
        if (_slugs is not null)
        {
            return _slugs;
        }
        var slugs = new Dictionary<long, string>();
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT id, url, source FROM kb_documents");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var url = reader.IsDBNull(1) ? null : reader.GetString(1);
            var slug = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri.Segments[^1].Trim('/')
                : Path.GetFileNameWithoutExtension(reader.GetString(2));
            slugs[reader.GetInt64(0)] = slug;
        }
        return _slugs = slugs;
    }

    private static async Task WriteFeaturesAsync(TextWriter? writer, string set, int label, int topRight, IReadOnlyList<KnowledgeHit> hits, RouteResult route, double coverage)
    {
        if (writer is null)
        {
            return;
        }
        var (vector, text, both) = RetrievalConfidence.Features(hits);
        await writer.WriteLineAsync(string.Join(',', set, label.ToString(CultureInfo.InvariantCulture), topRight.ToString(CultureInfo.InvariantCulture),
            vector.ToString("0.#####", CultureInfo.InvariantCulture), text.ToString("0.#####", CultureInfo.InvariantCulture),
            both.ToString(CultureInfo.InvariantCulture), route.NearestSimilarity.ToString("0.#####", CultureInfo.InvariantCulture), route.Intent,
            coverage.ToString("0.#####", CultureInfo.InvariantCulture)));
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
