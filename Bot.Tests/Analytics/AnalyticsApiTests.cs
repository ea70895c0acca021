using System.Net;
using System.Text.Json;
using static Bot.Tests.Analytics.AnalyticsClient;

namespace Bot.Tests.Analytics;

/// <summary>Every figure of the analytics API for the scripted conversations of <see cref="AnalyticsScript"/>.</summary>
public sealed class AnalyticsApiTests(AnalyticsFixture fixture) : IClassFixture<AnalyticsFixture>
{
    private readonly AnalyticsClient _api = new(fixture.Host);

    [Fact]
    public async Task The_summary_counts_each_conversation_by_outcome_and_keeps_bot_and_human_figures_apart()
    {
        var summary = await _api.GetJsonAsync($"api/analytics/summary?{Period}");

        var conversations = summary.GetProperty("conversations");
        AssertNumbers(conversations, new()
        {
            ["total"] = 7, ["automated"] = 3, ["automatedConfirmed"] = 1, ["automatedAssumed"] = 2, ["assisted"] = 1,
            ["unresolved"] = 2, ["pending"] = 1, ["escalated"] = 2, ["automationRate"] = 0.4286, ["escalationRate"] = 0.2857,
        });
        Assert.Equal(24, summary.GetProperty("assumedResolutionWindowHours").GetDouble());

        var bot = summary.GetProperty("bot");
        AssertNumbers(bot, new()
        {
            ["turns"] = 8, ["answers"] = 4, ["declines"] = 1, ["lowConfidenceTurns"] = 1, ["thumbsUp"] = 1, ["thumbsDown"] = 1, ["thumbsUpRatio"] = 0.5,
        });
        AssertTiming(bot.GetProperty("firstResponseMs"), 1, 1500, 1500, 1500);
        var latency = bot.GetProperty("latencyMs");
        AssertTiming(latency.GetProperty("total"), 8, 113.125, 80, 265);
        AssertTiming(latency.GetProperty("router"), 3, 20, 20, 29);
        AssertTiming(latency.GetProperty("search"), 3, 40, 40, 58);
        AssertTiming(latency.GetProperty("escalation"), 3, 10, 10, 14.5);
        AssertTiming(latency.GetProperty("response"), 3, 100, 100, 145);

        var human = summary.GetProperty("human");
        AssertNumbers(human, new() { ["handoffs"] = 2, ["queued"] = 1, ["assigned"] = 0, ["resolved"] = 1, ["released"] = 0, ["satisfactionResponses"] = 0 });
        Assert.Equal(0, human.GetProperty("waitSeconds").GetProperty("count").GetInt64());
        AssertTiming(human.GetProperty("handlingSeconds"), 1, 1800, 1800, 1800);

        AssertNumbers(summary.GetProperty("learning"), new() { ["corrections"] = 1, ["learnedAnswersUsed"] = 1, ["learnedThumbsUp"] = 1, ["learnedThumbsDown"] = 0 });

        var previous = summary.GetProperty("previous");
        Assert.Equal("2026-01-09T00:00:00.0000000Z", previous.GetProperty("from").GetString());
        Assert.Equal(0, previous.GetProperty("conversations").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task From_is_inclusive_and_to_is_exclusive()
    {
        var next = await _api.GetJsonAsync("api/analytics/summary?from=2026-01-11T00:00:00Z&to=2026-01-12T00:00:00Z");
        Assert.Equal(1, next.GetProperty("conversations").GetProperty("total").GetInt64());
        Assert.Equal(1, next.GetProperty("bot").GetProperty("turns").GetInt64());
        Assert.Equal(7, next.GetProperty("previous").GetProperty("conversations").GetProperty("total").GetInt64());

        var lastMicrosecondMissing = await _api.GetJsonAsync("api/analytics/summary?from=2026-01-10T00:00:00.001Z&to=2026-01-11T00:00:00Z");
        Assert.Equal(6, lastMicrosecondMissing.GetProperty("conversations").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_route_filter_limits_conversations_turns_and_handoffs()
    {
        var billing = await _api.GetJsonAsync($"api/analytics/summary?{Period}&route=billing");
        AssertNumbers(billing.GetProperty("conversations"), new() { ["total"] = 3, ["automatedAssumed"] = 1, ["assisted"] = 1, ["pending"] = 1 });
        Assert.Equal(3, billing.GetProperty("bot").GetProperty("turns").GetInt64());
        Assert.Equal(2, billing.GetProperty("human").GetProperty("handoffs").GetInt64());
    }

    [Fact]
    public async Task Breakdowns_give_escalation_reasons_routes_outcomes_and_agents()
    {
        var breakdowns = await _api.GetJsonAsync($"api/analytics/breakdowns?{Period}");

        Assert.Equal(["asks_for_human:1", "complaint:1", "negative_feedback:1"], Counts(breakdowns.GetProperty("escalationReasons")));
        Assert.Equal(
            ["automated_confirmed:1", "automated_assumed:2", "assisted:1", "unresolved:2", "pending:1"],
            Counts(breakdowns.GetProperty("outcomes")));
        var routes = breakdowns.GetProperty("routes").EnumerateArray().ToDictionary(r => r.GetProperty("route").GetString()!);
        AssertNumbers(routes["billing"], new() { ["conversations"] = 3, ["automated"] = 1, ["assisted"] = 1, ["unresolved"] = 0, ["escalated"] = 2, ["turns"] = 3 });
        AssertNumbers(routes["technical"], new() { ["conversations"] = 3, ["automated"] = 2, ["unresolved"] = 1, ["turns"] = 3 });
        AssertNumbers(routes["general"], new() { ["conversations"] = 1, ["unresolved"] = 1, ["turns"] = 2 });
        Assert.Equal(["none:4", "kb:3", "learned:1"], Counts(breakdowns.GetProperty("answerSources")));

        var agents = breakdowns.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("agent").GetString()!);
        AssertNumbers(agents["dana"], new() { ["handoffs"] = 1, ["resolved"] = 1 });
        AssertTiming(agents["dana"].GetProperty("handlingSeconds"), 1, 1800, 1800, 1800);
        AssertNumbers(agents["unassigned"], new() { ["handoffs"] = 1, ["resolved"] = 0 });
    }

    [Fact]
    public async Task Knowledge_gaps_group_similar_questions_redacted_with_a_link_to_the_kb_admin()
    {
        var gaps = await _api.GetJsonAsync($"api/analytics/gaps?{Period}");

        Assert.Equal(4, gaps.GetProperty("questions").GetInt64());
        var groups = gaps.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(3, groups.Count);
        var refund = groups[0];
        Assert.Equal(2, refund.GetProperty("count").GetInt64());
        Assert.Equal(2, refund.GetProperty("reasons").GetProperty("handoff").GetInt64());
        Assert.Equal(2, refund.GetProperty("examples").GetArrayLength());
        Assert.StartsWith("/admin?q=", refund.GetProperty("adminUrl").GetString(), StringComparison.Ordinal);
        Assert.Contains(groups, g => g.GetProperty("reasons").TryGetProperty("thumbs_down", out _)
            && g.GetProperty("label").GetString() == "My webhook keeps failing");
        var declined = Assert.Single(groups, g => g.GetProperty("reasons").TryGetProperty("declined", out _));
        Assert.Contains("[email]", declined.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ann.lee@example.com", gaps.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_series_has_one_point_per_bucket_with_the_route_mix()
    {
        var daily = await _api.GetJsonAsync($"api/analytics/series?{Period}&interval=day");
        var point = Assert.Single(daily.GetProperty("points").EnumerateArray());
        AssertNumbers(point, new()
        {
            ["conversations"] = 7, ["automated"] = 3, ["assisted"] = 1, ["unresolved"] = 2, ["pending"] = 1, ["turns"] = 8, ["handoffs"] = 2,
            ["thumbsUp"] = 1, ["thumbsDown"] = 1, ["corrections"] = 1, ["learnedAnswersUsed"] = 1, ["latencyP50Ms"] = 80,
        });
        AssertNumbers(point.GetProperty("routes"), new() { ["technical"] = 3, ["billing"] = 3, ["general"] = 2 });

        var hourly = await _api.GetJsonAsync($"api/analytics/series?{Period}");
        var points = hourly.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal("hour", hourly.GetProperty("interval").GetString());
        Assert.Equal(24, points.Count);
        Assert.Equal(1, points[0].GetProperty("conversations").GetInt64());
        Assert.Equal(0, points[1].GetProperty("conversations").GetInt64());
        Assert.Equal(7, points.Sum(p => p.GetProperty("conversations").GetInt64()));
    }

    [Fact]
    public async Task Conversations_are_paged_newest_first_with_their_outcome()
    {
        var all = await _api.GetJsonAsync($"api/analytics/conversations?{Period}");
        Assert.Equal(7, all.GetProperty("total").GetInt64());
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["c6", "c5", "c4", "c3", "c2", "c1", "c0"], items.Select(i => i.GetProperty("conversationId").GetString()));
        Assert.Equal(
            ["unresolved", "pending", "unresolved", "assisted", "automated_assumed", "automated_confirmed", "automated_assumed"],
            items.Select(i => i.GetProperty("outcome").GetString()));

        var unresolved = await _api.GetJsonAsync($"api/analytics/conversations?{Period}&outcome=unresolved");
        Assert.Equal(2, unresolved.GetProperty("total").GetInt64());
        var second = await _api.GetJsonAsync($"api/analytics/conversations?{Period}&page=2&pageSize=5");
        Assert.Equal(7, second.GetProperty("total").GetInt64());
        Assert.Equal(["c1", "c0"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("conversationId").GetString()));
    }

    [Fact]
    public async Task A_conversation_has_its_redacted_transcript_and_per_turn_trace()
    {
        var detail = await _api.GetJsonAsync("api/analytics/conversations/c1");

        Assert.Equal("automated_confirmed", detail.GetProperty("summary").GetProperty("outcome").GetString());
        var transcript = detail.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Equal(["customer", "bot"], transcript.Select(t => t.GetProperty("from").GetString()));
        Assert.Equal("How can I change my password? call [phone]", transcript[0].GetProperty("text").GetString());
        var turn = Assert.Single(detail.GetProperty("turns").EnumerateArray());
        Assert.Equal(fixture.LearnedAnswerId, turn.GetProperty("learnedAnswerId").GetInt64());
        AssertNumbers(turn, new() { ["latencyMs"] = 100, ["routerMs"] = 10, ["searchMs"] = 20, ["escalationMs"] = 5, ["responseMs"] = 50 });
        Assert.Equal(1, Assert.Single(detail.GetProperty("feedback").EnumerateArray()).GetProperty("rating").GetInt32());

        using var missing = await _api.SendAsync("api/analytics/conversations/nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_one_line_per_conversation()
    {
        using var response = await _api.SendAsync($"api/analytics/conversations.csv?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("conversation_id,channel_id,started_at,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("c3,directline,2026-01-10T12:00:00.000Z,", StringComparison.Ordinal) && l.Contains(",assisted,", StringComparison.Ordinal));
        Assert.DoesNotContain("ann.lee@example.com", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/analytics/summary?from=yesterday")]
    [InlineData("api/analytics/summary?from=2026-01-11&to=2026-01-10")]
    [InlineData("api/analytics/summary?from=2026-01-10&to=2026-01-10")]
    [InlineData("api/analytics/summary?from=2024-01-01&to=2026-01-10")]
    [InlineData("api/analytics/summary?route=Bad%20Route")]
    [InlineData("api/analytics/series?from=2026-01-01&to=2026-03-01&interval=hour")]
    [InlineData("api/analytics/series?interval=week")]
    [InlineData("api/analytics/conversations?page=0")]
    [InlineData("api/analytics/conversations?pageSize=1000")]
    [InlineData("api/analytics/conversations?outcome=happy")]
    [InlineData("api/analytics/gaps?limit=x")]
    public async Task Bad_parameters_are_a_400_problem(string pathAndQuery)
    {
        using var response = await _api.SendAsync(pathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("api/analytics/summary")]
    [InlineData("api/analytics/series")]
    [InlineData("api/analytics/breakdowns")]
    [InlineData("api/analytics/gaps")]
    [InlineData("api/analytics/conversations")]
    [InlineData("api/analytics/conversations.csv")]
    [InlineData("api/analytics/conversations/c1")]
    public async Task Without_credentials_the_api_is_refused(string path)
    {
        using var anonymous = await _api.SendAsync(path, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var wrongKey = await _api.SendAsync(path, key: "not-the-admin-api-key-000000");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    private static void AssertNumbers(JsonElement element, Dictionary<string, double> expected)
    {
        foreach (var (name, value) in expected)
        {
            Assert.True(element.TryGetProperty(name, out var actual), $"{name} is missing in {element}");
            Assert.True(Math.Abs(actual.GetDouble() - value) < 1e-6, $"{name}: expected {value}, got {actual}");
        }
    }

    private static void AssertTiming(JsonElement timing, long count, double average, double p50, double p95) =>
        AssertNumbers(timing, new() { ["count"] = count, ["average"] = average, ["p50"] = p50, ["p95"] = p95 });

    private static string[] Counts(JsonElement items) =>
        [.. items.EnumerateArray().Select(i => $"{i.GetProperty("key").GetString()}:{i.GetProperty("count").GetInt64()}")];
}
