using System.Net;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Knowledge.Storage;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>Concurrency against the real PostgreSQL: no lost writes, no lost or reordered messages.</summary>
public sealed class ConversationConcurrencyTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Two_writers_with_the_same_etag_exactly_one_wins()
    {
        var storage = new PostgresStorage(host.Database.DataSource);
        await storage.WriteAsync(new Dictionary<string, object> { ["race"] = new Counter { Value = 0 } });
        var first = (await storage.ReadAsync<Counter>(["race"]))["race"];
        var second = (await storage.ReadAsync<Counter>(["race"]))["race"];
        Assert.Equal(first.ETag, second.ETag);

        first.Value = 1;
        second.Value = 2;
        var results = await Task.WhenAll(
            TryWrite(storage, first),
            TryWrite(storage, second));

        Assert.Equal(1, results.Count(ok => ok));
        var stored = (await storage.ReadAsync<Counter>(["race"]))["race"];
        Assert.Equal(results[0] ? 1 : 2, stored.Value);
    }

    [Fact]
    public async Task Fifty_parallel_messages_in_one_conversation_are_all_kept_in_order()
    {
        using var http = host.CreateClient();
        var client = new DirectLineTestClient(http);
        var conversation = await client.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.SendMessageAsync(conversation.Id, conversation.Token, $"question {i:D2}: how do I reset my password?")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var activities = await client.ActivitiesAsync(conversation.Id, conversation.Token);
        var userMessages = activities.Where(a => a.From?.Role != RoleTypes.Bot).ToList();
        var texts = userMessages.Select(a => a.Text!).ToList();
        Assert.Equal(50, texts.Count);
        Assert.Equal(50, texts.Distinct().Count());

        // Every reply comes right after its question (or the same turn's earlier replies): turns never interleave. Not every
        // question gets a reply: the same question asked again and again is handed to a person, and then the bot is quiet.
        for (var i = 1; i < activities.Count; i++)
        {
            if (activities[i].From?.Role == RoleTypes.Bot)
            {
                var previous = activities[i - 1];
                Assert.Equal(previous.From?.Role == RoleTypes.Bot ? previous.ReplyToId : previous.Id, activities[i].ReplyToId);
            }
        }
        var sequence = activities.Select(a => int.Parse(a.Id!.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequence.Order().ToList(), sequence);
        var stamps = activities.Select(a => a.Timestamp!.Value).ToList();
        Assert.Equal(stamps.Order().ToList(), stamps);

        var state = await new PostgresStorage(host.Database.DataSource).ReadAsync([$"directline/conversations/{conversation.Id}"]);
        var document = (System.Text.Json.JsonElement)state[$"directline/conversations/{conversation.Id}"];
        Assert.Equal(20, document.GetProperty("support").GetProperty("recentAnswers").GetArrayLength());
    }

    private static async Task<bool> TryWrite(PostgresStorage storage, Counter counter)
    {
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { ["race"] = counter });
            return true;
        }
        catch (EtagConflictException)
        {
            return false;
        }
    }

    private sealed class Counter : IStoreItem
    {
        public int Value { get; set; }

        public string? ETag { get; set; }
    }
}
