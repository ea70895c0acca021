using Bot.Tests.Infrastructure;

namespace Bot.Tests.Analytics;

/// <summary>The real host with the scripted conversations of <see cref="AnalyticsScript"/> written once.</summary>
public sealed class AnalyticsFixture : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    public long LearnedAnswerId { get; private set; }

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        var script = new AnalyticsScript(Host);
        await script.WriteAsync();
        LearnedAnswerId = script.LearnedAnswerId;
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
