using Bot.Core;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Responses;

/// <summary>The bot's services over a fresh database with the sample help centre, with extra settings (e.g. an <c>Llm</c> section).</summary>
public sealed class BotServices : IAsyncDisposable
{
    private BotServices(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IBot Bot => Services.GetRequiredService<IBot>();

    public static async Task<BotServices> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        var services = await SampleBotServices.BuildAsync(database, new Dictionary<string, string?> { ["Bot:ExposeTrace"] = "true" }, settings, environment: false);
        return new BotServices(database, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
