using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Learning;
using Bot.Tests.Embeddings;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Tests.Learning;

/// <summary>Learned answers on a real database: found for paraphrases, not for unrelated questions.</summary>
public sealed class LearnedAnswerStoreTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_paraphrase_of_a_corrected_question_finds_the_approved_answer()
    {
        var store = Store(new HashingEmbeddingGenerator(), EmbedderInfo.LexicalName);
        var id = await store.AddAsync(new Correction(
            "How do I get invoices sent automatically to our accounts payable mailbox?", "Add the mailbox as a billing contact.", "billing", null, "agent-1"),
            CancellationToken.None);

        var match = await store.FindAsync("can invoices be emailed to our accounts payable address as well", CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal(id, match.Id);
        Assert.Equal("Add the mailbox as a billing contact.", match.Answer);
        Assert.Equal("billing", match.Route);
        Assert.InRange(match.Similarity, new LearningOptions().LexicalMatchThreshold, 1);
    }

    [Theory]
    [InlineData("What are your support hours?")]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("🙂🙂🙂")]
    public async Task An_unrelated_question_finds_nothing(string question)
    {
        var store = Store(new HashingEmbeddingGenerator(), EmbedderInfo.LexicalName);
        await store.AddAsync(new Correction("Is there a Northwind Drive desktop app for Linux?", "Not yet.", "technical", null, null), CancellationToken.None);
        Assert.Null(await store.FindAsync(question, CancellationToken.None));
    }

    [Fact]
    public async Task Correcting_the_same_question_again_replaces_the_answer()
    {
        var store = Store(new HashingEmbeddingGenerator(), EmbedderInfo.LexicalName);
        var first = await store.AddAsync(new Correction("Is there a Linux app?", "No.", null, null, null), CancellationToken.None);
        var second = await store.AddAsync(new Correction("is there a linux app", "Not yet: use the web app.", "technical", null, null), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, await _database.CountAsync("SELECT count(*) FROM learned_answers"));
        Assert.Equal("Not yet: use the web app.", (await store.FindAsync("is there a linux app?", CancellationToken.None))!.Answer);
    }

    [Fact]
    public async Task Questions_learned_under_another_embedder_are_re_embedded()
    {
        await Store(new HashingEmbeddingGenerator(), "old-embedder").AddAsync(
            new Correction("Is there a Northwind Drive desktop app for Linux?", "Not yet.", null, null, null), CancellationToken.None);

        var match = await Store(new HashingEmbeddingGenerator(), EmbedderInfo.LexicalName)
            .FindAsync("northwind drive desktop app on linux", CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal(0, await _database.CountAsync("SELECT count(*) FROM learned_answers WHERE embedder <> $1", EmbedderInfo.LexicalName));
    }

    [Fact]
    public Task Twenty_corrections_answer_their_paraphrases_with_the_lexical_embedder() =>
        AssertParaphraseRecallAsync(new HashingEmbeddingGenerator(), EmbedderInfo.LexicalName);

    [RealGloveFact]
    public Task Twenty_corrections_answer_their_paraphrases_with_glove() =>
        AssertParaphraseRecallAsync(GloveSifEmbeddingGenerator.Load(RealGloveFactAttribute.RealGlovePath), "glove-sif-100d");

    /// <summary>
    /// Adds the first question of each paraphrases.csv group as a correction, then asks the other three. Scores are
    /// taken with no threshold, so the output shows recall at several thresholds; the assertion uses the defaults.
    /// The help-centre questions (kb-questions.csv) show how many ordinary questions would take a learned answer;
    /// many of them are themselves paraphrases of a corrected question, so this is an upper bound of false matches.
    /// </summary>
    private async Task AssertParaphraseRecallAsync(IEmbeddingGenerator<string, Embedding<float>> generator, string name)
    {
        var store = Store(generator, name, new LearningOptions { MatchThreshold = 0.05, LexicalMatchThreshold = 0.05 });
        var threshold = Store(generator, name).Threshold;
        var groups = EvalSets.Paraphrases();
        var ids = new Dictionary<long, int>();
        foreach (var group in groups)
        {
            ids[await store.AddAsync(new Correction(group.Question, group.Answer, null, null, null), CancellationToken.None)] = group.Group;
        }

        var paraphrases = new List<(double Score, bool Right, string Text)>();
        foreach (var group in groups)
        {
            foreach (var paraphrase in group.Paraphrases)
            {
                var match = await store.FindAsync(paraphrase, CancellationToken.None);
                paraphrases.Add((match?.Similarity ?? 0, match is not null && ids[match.Id] == group.Group, paraphrase));
            }
        }
        var kb = new List<double>();
        foreach (var question in EvalSets.KbQuestions())
        {
            kb.Add((await store.FindAsync(question, CancellationToken.None))?.Similarity ?? 0);
        }

        foreach (var t in new[] { 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65 })
        {
            output.WriteLine($"{name} threshold {t:F2}: recall {paraphrases.Count(p => p.Right && p.Score >= t) / (double)paraphrases.Count:P1}, "
                + $"wrong {paraphrases.Count(p => !p.Right && p.Score >= t)}, help-centre questions matched {kb.Count(k => k >= t)}/{kb.Count}");
        }
        foreach (var miss in paraphrases.Where(p => !p.Right || p.Score < threshold))
        {
            output.WriteLine($"missed ({miss.Score:F3}{(miss.Right ? "" : ", another answer")}): {miss.Text}");
        }

        var recall = paraphrases.Count(p => p.Right && p.Score >= threshold) / (double)paraphrases.Count;
        var wrong = paraphrases.Count(p => !p.Right && p.Score >= threshold);
        output.WriteLine($"{name} at the default threshold {threshold}: recall {recall:P1}, {wrong} wrong answers");
        Assert.True(recall >= MinimumRecall(name), $"recall {recall:P1}");
        Assert.True(wrong <= paraphrases.Count / 10, $"{wrong} paraphrases got another question's answer");
    }

    private PostgresLearnedAnswerStore Store(IEmbeddingGenerator<string, Embedding<float>> generator, string name, LearningOptions? options = null) => new(
        _database.DataSource,
        generator,
        new EmbedderInfo(name, 100),
        Options.Create(options ?? new LearningOptions()),
        NullLogger<PostgresLearnedAnswerStore>.Instance);

    /// <summary>About what the defaults reach on paraphrases.csv (GloVe 41.7%, lexical 20%): a regression guard, below the issue's 0.80 target.</summary>
    private static double MinimumRecall(string embedder) => embedder == EmbedderInfo.LexicalName ? 0.15 : 0.40;
}
