using System.Text.Json;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Routing;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Routing;

/// <summary>
/// The bot over a fresh database with the sample help centre and the router's shipped seed examples (loaded by the
/// seeder, as at start-up), the registered default embedder (GloVe when its file is there, else the lexical fallback).
/// </summary>
public sealed class RoutingBot : IAsyncDisposable
{
    private RoutingBot(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IBot Bot => Services.GetRequiredService<IBot>();

    public IRouterModel Router => Services.GetRequiredService<IRouterModel>();

    public IRouterExampleStore Examples => Services.GetRequiredService<IRouterExampleStore>();

    public static string[] SeedFiles =>
    [
        Path.Combine(RepoPaths.Root, "samples", "eval", "router-examples.csv"),
        Path.Combine(RepoPaths.Root, "samples", "router", "common-requests.csv"),
    ];

    public static async Task<RoutingBot> StartAsync(IDictionary<string, string?>? settings = null, bool seed = true)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        // The environment under the settings: Embeddings__Provider=Lexical runs these tests on the lexical fallback.
        var services = await SampleBotServices.BuildAsync(database, new Dictionary<string, string?>
        {
            ["Bot:ExposeTrace"] = "true",
            ["Router:SeedPaths:0"] = SeedFiles[0],
            ["Router:SeedPaths:1"] = SeedFiles[1],
            // TestFlow sends without a person's reading time.
            ["Escalation:RepeatMinimumGap"] = "00:00:00",
        }, settings, environment: true);
        if (seed)
        {
            await services.GetRequiredService<RouterExampleSeeder>().SeedIfEmptyAsync(CancellationToken.None);
            await services.GetRequiredService<ExampleRouterModel>().WarmUpAsync(CancellationToken.None);
        }
        return new RoutingBot(database, services);
    }

    public static TestAdapter NewAdapter() =>
        new(TestAdapter.CreateConversation("convo-" + Guid.NewGuid().ToString("N"), "user-" + Guid.NewGuid().ToString("N")[..8]));

    public static JsonElement Trace(Activity reply)
    {
        var channelData = JsonSerializer.SerializeToElement(reply.ChannelData, BotJson.Options);
        return channelData.GetProperty("supportTrace");
    }

    public static IReadOnlyList<string> Reasons(Activity reply) =>
        Trace(reply).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
