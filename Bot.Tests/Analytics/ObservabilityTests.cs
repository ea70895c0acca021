using Bot.Tests.Infrastructure;
using Bot.Tests.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Analytics;

/// <summary><c>/metrics</c> and the logs of real Direct Line turns.</summary>
public sealed class ObservabilityTests : IClassFixture<ObservabilityTests.Host>
{
    private const string Email = "ann.lee@example.com";
    private const string PhoneNumber = "+44 20 7946 0958";
    private const string CardNumber = "4111 1111 1111 1111";

    private readonly Host _host;

    public ObservabilityTests(Host host) => _host = host;

    [Fact]
    public async Task Metrics_are_prometheus_text_and_move_when_turns_happen()
    {
        using var http = _host.CreateClient();
        var before = PrometheusSample.Parse(await http.GetStringAsync("metrics"));

        var customer = await DirectLineSession.StartAsync(http);
        await customer.BotRepliesAsync();
        Assert.NotEmpty(await customer.AskAsync("How do I reset my password?"));

        var turnsBefore = Sum(before, "northwind_supportbot_turns");
        var after = PrometheusSample.Parse(await ScrapeUntilAsync(http, text => Sum(PrometheusSample.Parse(text), "northwind_supportbot_turns") > turnsBefore));
        Assert.True(Sum(after, "northwind_supportbot_turns") >= Sum(before, "northwind_supportbot_turns") + 1, "northwind_supportbot_turns did not move.");
        Assert.True(Sum(after, "northwind_supportbot_turn_duration_count") > Sum(before, "northwind_supportbot_turn_duration_count"));
        Assert.Contains(after, s => s.Name == "northwind_supportbot_turn_duration_bucket" && s.Labels.Contains("step=\"router\"", StringComparison.Ordinal));
        Assert.Contains(after, s => s.Name == "northwind_supportbot_directline_sockets");
        Assert.Contains(after, s => s.Name == "northwind_supportbot_database_up" && s.Value == 1);
        Assert.Contains(after, s => s.Name.StartsWith("npgsql_db_client_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emails_phone_and_card_numbers_never_reach_the_logs_or_the_turns_table()
    {
        using var http = _host.CreateClient();
        var customer = await DirectLineSession.StartAsync(http);
        await customer.BotRepliesAsync();
        Assert.NotEmpty(await customer.AskAsync($"My card {CardNumber} was charged twice, email me at {Email} or call {PhoneNumber}"));
        _host.Services.GetRequiredService<ILogger<ObservabilityTests>>().LogInformation("Direct: {Value}", Email);

        var logs = string.Join('\n', _host.Logs.Entries);
        Assert.Contains(_host.Logs.Entries, e => e.Contains("CustomerSupportBot: Message from", StringComparison.Ordinal)
            && e.Contains($"ConversationId={customer.ConversationId}", StringComparison.Ordinal) && e.Contains("ActivityId=", StringComparison.Ordinal));
        Assert.Contains("[email]", logs, StringComparison.Ordinal);
        Assert.Contains("[card]", logs, StringComparison.Ordinal);
        Assert.Contains("[phone]", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(CardNumber, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("7946 0958", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", logs, StringComparison.Ordinal);

        Assert.Equal(1, await _host.Database.CountAsync(
            "SELECT count(*) FROM turns WHERE conversation_id = $1 AND question = 'My card [card] was charged twice, email me at [email] or call [phone]'",
            customer.ConversationId));
        Assert.Equal(1, await _host.Database.CountAsync(
            "SELECT count(*) FROM turns WHERE conversation_id = $1 AND router_ms IS NOT NULL AND search_ms IS NOT NULL AND escalation_ms IS NOT NULL",
            customer.ConversationId));
    }

    [Fact]
    public async Task The_monitoring_templates_only_use_metrics_the_bot_publishes()
    {
        using var http = _host.CreateClient();
        var customer = await DirectLineSession.StartAsync(http);
        await customer.BotRepliesAsync();
        Assert.NotEmpty(await customer.AskAsync("I want to talk to a person"));
        var metricsText = await ScrapeUntilAsync(http, text => text.Contains("# TYPE northwind_supportbot_escalations ", StringComparison.Ordinal));
        var published = metricsText.Split('\n')
            .Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2])
            .ToHashSet(StringComparer.Ordinal);

        // Published from the first event on: LLM calls (no chat model here) and ratings (no card click here).
        string[] notYet = ["northwind_supportbot_llm_calls", "northwind_supportbot_llm_failures", "northwind_supportbot_feedback"];
        var folder = MonitoringTemplateTests.Folder;
        var text = File.ReadAllText(Path.Combine(folder, "alerts.yml")) + File.ReadAllText(Path.Combine(folder, "grafana-dashboard.json"));
        var used = System.Text.RegularExpressions.Regex.Matches(text, @"\b(northwind_supportbot_[a-z_]+|npgsql_db_client_[a-z_]+|http_requests_received_total)\b")
            .Select(m => System.Text.RegularExpressions.Regex.Replace(m.Value, "_bucket$", ""))
            .Distinct()
            .ToList();
        Assert.Contains("northwind_supportbot_escalations", used);
        Assert.All(used.Except(notYet), name => Assert.True(published.Contains(name), $"{name} is not published at /metrics."));
    }

    [Fact]
    public async Task A_learned_answer_is_recorded_with_its_id()
    {
        using var http = _host.CreateClient();
        const string Question = "Can I pay the annual plan in two instalments?";
        using var correction = new HttpRequestMessage(HttpMethod.Post, "api/feedback/corrections")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { question = Question, answer = "Yes: ask billing to split it.", route = "billing" }),
        };
        correction.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        using var created = await http.SendAsync(correction);
        created.EnsureSuccessStatusCode();
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(created.Content))
            .GetProperty("learnedAnswerId").GetInt64();

        var customer = await DirectLineSession.StartAsync(http);
        await customer.BotRepliesAsync();
        Assert.NotEmpty(await customer.AskAsync(Question));

        Assert.Equal(1, await _host.Database.CountAsync(
            "SELECT count(*) FROM turns WHERE conversation_id = $1 AND answer_source = 'learned' AND learned_answer_id = $2 AND response_ms IS NOT NULL",
            customer.ConversationId, id));
    }

    [Fact]
    public async Task Each_agent_step_is_a_span_with_the_conversation_id()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Bot.Dialogs.Observability.SupportTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var http = _host.CreateClient();
        var customer = await DirectLineSession.StartAsync(http);
        await customer.BotRepliesAsync();
        Assert.NotEmpty(await customer.AskAsync("How do I reset my password?"));

        var mine = spans.Where(s => (string?)s.GetTagItem("conversation.id") == customer.ConversationId).ToList();
        Assert.Contains(mine, s => s.OperationName == "bot.turn");
        foreach (var step in new[] { "router", "search", "escalation", "response" })
        {
            var span = Assert.Single(mine, s => s.OperationName == "agent." + step);
            Assert.Equal(mine.Single(s => s.OperationName == "bot.turn" && s.TraceId == span.TraceId).SpanId, span.ParentSpanId);
        }
    }

    /// <summary>The reply reaches the client as it is sent; the turn is recorded (and counted) right after, so scrape until it shows.</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient http, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var text = await http.GetStringAsync("metrics");
            if (done(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }
            await Task.Delay(200);
        }
    }

    private static double Sum(IEnumerable<PrometheusSample> samples, string name) => samples.Where(s => s.Name == name).Sum(s => s.Value);

    /// <summary>The real host with debug logging captured.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly BotHost _host = new();

        public CapturedLogs Logs { get; } = new();

        public IServiceProvider Services => _host.Services;

        public TestDatabase Database => _host.Database;

        public HttpClient CreateClient() => _host.CreateClient();

        public Task InitializeAsync()
        {
            _host.Settings["Logging:LogLevel:Default"] = "Debug";
            _host.ServiceOverrides.Add(services => services.AddSingleton<ILoggerProvider>(Logs));
            return _host.InitializeAsync();
        }

        public Task DisposeAsync() => _host.DisposeAsync();
    }
}
