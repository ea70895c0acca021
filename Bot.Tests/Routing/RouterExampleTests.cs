using Bot.Core.Testing;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Learning;
using Bot.Knowledge.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Routing;

/// <summary>The router's examples in PostgreSQL: seeding, import, relabelling, new routes, and corrections taking effect at once.</summary>
public sealed class RouterExampleTests(RoutingBotFixture fixture) : IClassFixture<RoutingBotFixture>
{
    [Fact]
    public async Task The_shipped_examples_are_seeded_into_an_empty_table()
    {
        var expected = RoutingBot.SeedFiles.Sum(f => RouterExampleCsv.Parse(File.ReadAllText(f), "seed").Count);
        Assert.Equal(expected, await fixture.Bot.Database.CountAsync("SELECT count(*) FROM router_examples WHERE source = 'seed'"));
        Assert.Equal(0, await fixture.Bot.Database.CountAsync("SELECT count(*) FROM router_examples WHERE embedding IS NULL"));
        Assert.Equal(0, await fixture.Bot.Services.GetRequiredService<RouterExampleSeeder>().SeedIfEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_import_adds_examples_and_relabels_the_same_text()
    {
        var first = await fixture.Bot.Examples.AddRangeAsync(
        [
            new RouterExample("Does the gizmo support zorp mode?", "technical", "question", "import"),
            new RouterExample("how much is the zorp add-on", "billing", null, "import"),
        ], CancellationToken.None);
        Assert.Equal(2, first.Added);

        var again = await fixture.Bot.Examples.AddRangeAsync(
            [new RouterExample("  does the GIZMO support zorp mode ", "general", null, "import")], CancellationToken.None);
        Assert.Equal((0, 1), (again.Added, again.Relabelled));
        Assert.Equal(1, await fixture.Bot.Database.CountAsync(
            "SELECT count(*) FROM router_examples WHERE text_key = 'does the gizmo support zorp mode' AND route = 'general' AND intent = 'question'"));
    }

    [Fact]
    public async Task A_correction_takes_effect_at_the_next_message_without_a_restart()
    {
        const string message = "the quarterly frobnicator report shows the wrong totals";
        await fixture.Bot.Router.ClassifyAsync(message, CancellationToken.None);

        // What the correction service does when an agent corrects an answer: a learned answer and a router example.
        await fixture.Bot.Services.GetRequiredService<CorrectionService>().ApplyAsync(
            new Correction(message, "The totals are recalculated overnight; open Billing > Reports and click Refresh to update them now.", "billing", null, "agent-1"),
            CancellationToken.None);

        var routed = await fixture.Bot.Router.ClassifyAsync(message, CancellationToken.None);
        Assert.Equal("billing", routed.Category);
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send(message)
            .AssertReply(reply =>
            {
                var trace = RoutingBot.Trace(reply);
                Assert.Equal("billing", trace.GetProperty("route").GetString());
                Assert.Equal("learned", trace.GetProperty("answerSource").GetString());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Routes_are_data_an_import_can_add_one()
    {
        var rows = RouterExampleCsv.Parse("""
            text,route,intent
            do you offer volume pricing for 500 seats,sales,question
            can I get a quote for an enterprise rollout,sales,question
            we'd like a demo for our procurement team,sales,question
            who do I talk to about a custom contract,sales,question
            is there a reseller programme,sales,question
            """, "import");
        var result = await fixture.Bot.Examples.AddRangeAsync(rows.Select(r => r.Example).ToList(), CancellationToken.None);
        Assert.Contains("sales", result.NewRoutes);

        var routed = await fixture.Bot.Router.ClassifyAsync("can I get a quote for an enterprise rollout", CancellationToken.None);
        Assert.Equal("sales", routed.Category);
        Assert.Equal(1, await fixture.Bot.Database.CountAsync("SELECT count(*) FROM router_routes WHERE name = 'sales'"));
    }

    [Fact]
    public async Task Another_process_adding_examples_is_seen_after_the_refresh_interval()
    {
        var model = new ExampleRouterModel(
            fixture.Bot.Examples,
            fixture.Bot.Services.GetRequiredService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(),
            Microsoft.Extensions.Options.Options.Create(new RouterOptions { RefreshInterval = TimeSpan.Zero }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ExampleRouterModel>.Instance);
        const string message = "my blorptastic widget uploader misbehaves";
        await model.ClassifyAsync(message, CancellationToken.None);

        // Written with SQL, as another replica would: this process's store never saw it.
        await using (var insert = fixture.Bot.Database.DataSource.CreateCommand(
            "INSERT INTO router_examples (text, text_key, route, intent, source) VALUES ($1, $2, 'billing', 'question', 'elsewhere')"))
        {
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = message });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = RouterLabels.KeyOf(message) });
            await insert.ExecuteNonQueryAsync();
        }

        var routed = await model.ClassifyAsync(message, CancellationToken.None);
        Assert.Equal("billing", routed.Category);
    }

    [Fact]
    public void A_csv_with_bad_rows_is_rejected_naming_each_line()
    {
        var error = Assert.Throws<RouterCsvException>(() => RouterExampleCsv.Parse("""
            text,route,intent
            how do I reset my password,technical,question
            ,billing,question
            what's my bill,Billing Team!,question
            hello,general,smalltalk
            """, "import"));
        Assert.Equal(3, error.Errors.Count);
        Assert.StartsWith("line 3:", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("route", error.Errors[1], StringComparison.Ordinal);
        Assert.Contains("intent", error.Errors[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("text,intent\nhello,greeting")]
    [InlineData("text,route,intent\n")]
    public void A_csv_without_examples_or_columns_is_rejected(string csv) =>
        Assert.Throws<RouterCsvException>(() => RouterExampleCsv.Parse(csv, "import"));

    [Fact]
    public void Bitext_rows_map_to_the_bots_routes_and_intents()
    {
        var rows = RouterExampleCsv.Parse("""
            utterance,intent,entity_type,entity_value,start_offset,end_offset,category,tags
            i want a refund now,get_refund,,,,,REFUND,B
            I need to speak with an agent,contact_human_agent,,,,,CONTACT,B
            i want to file a complaint,complaint,,,,,FEEDBACK,B
            where is my order,track_order,,,,,ORDER,B
            forgot my password,recover_password,,,,,ACCOUNT,B
            """, "import", RouterCsvFormat.Bitext);
        Assert.Equal(
            [("billing", "question"), ("general", "asks_for_human"), ("general", "complaint"), ("general", "question"), ("technical", "question")],
            rows.Select(r => (r.Example.Route, r.Example.Intent!)).ToList());
        Assert.Equal("contact_human_agent", rows[1].SourceLabel);
    }
}
