using Bot.Tests.Infrastructure;

namespace Bot.Tests.Analytics;

/// <summary>A fresh database: every figure is zero (or null where there is nothing to measure), never an error.</summary>
public sealed class EmptyAnalyticsTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly AnalyticsClient _api = new(host);

    [Fact]
    public async Task An_empty_database_gives_zeros()
    {
        var summary = await _api.GetJsonAsync("api/analytics/summary");
        Assert.Equal(0, summary.GetProperty("conversations").GetProperty("total").GetInt64());
        Assert.Equal(0, summary.GetProperty("conversations").GetProperty("automationRate").GetDouble());
        Assert.Equal(0, summary.GetProperty("bot").GetProperty("turns").GetInt64());
        Assert.False(summary.GetProperty("bot").TryGetProperty("thumbsUpRatio", out _));
        Assert.Equal(0, summary.GetProperty("bot").GetProperty("latencyMs").GetProperty("total").GetProperty("count").GetInt64());
        Assert.Equal(0, summary.GetProperty("human").GetProperty("handoffs").GetInt64());

        var series = await _api.GetJsonAsync("api/analytics/series?interval=day");
        Assert.All(series.GetProperty("points").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("conversations").GetInt64()));
        Assert.Equal(0, (await _api.GetJsonAsync("api/analytics/gaps")).GetProperty("groups").GetArrayLength());
        Assert.Equal(0, (await _api.GetJsonAsync("api/analytics/conversations")).GetProperty("total").GetInt64());
        var breakdowns = await _api.GetJsonAsync("api/analytics/breakdowns");
        Assert.Equal(0, breakdowns.GetProperty("escalationReasons").GetArrayLength());
        Assert.All(breakdowns.GetProperty("outcomes").EnumerateArray(), o => Assert.Equal(0, o.GetProperty("count").GetInt64()));
    }
}
