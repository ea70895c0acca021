using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Knowledge.Feedback;
using Bot.Knowledge.Handoffs;
using Bot.Knowledge.Transcripts;
using Bot.Knowledge.Turns;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Analytics;

/// <summary>
/// Conversations with known outcomes on 2026-01-10 (UTC), written with the host's real stores and the correction API,
/// then moved to their scripted times. The hub's part (a person resolving a handoff) is an UPDATE, as the hub will do.
/// </summary>
internal sealed class AnalyticsScript(BotHost host)
{
    public static readonly DateTimeOffset Day = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    private int _replies;

    public long LearnedAnswerId { get; private set; }

    public async Task WriteAsync()
    {
        using var http = host.CreateClient();
        using var correction = new HttpRequestMessage(HttpMethod.Post, "api/feedback/corrections")
        {
            Content = JsonContent.Create(new { question = "How do I change my password?", answer = "Open Settings > Security.", route = "technical" }),
        };
        correction.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        using var created = await http.SendAsync(correction);
        created.EnsureSuccessStatusCode();
        LearnedAnswerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("learnedAnswerId").GetInt64();
        await SqlAsync("UPDATE learned_answers SET created_at = $1, updated_at = $1 WHERE id = $2", Day.AddHours(9), LearnedAnswerId);

        // c0: answered at the very start of the period, no further question: assumed resolved.
        await TurnAsync("c0", Day, "technical", "How do I set up SSO?", "kb", latency: 300, steps: new(30, 60, 15, 150));
        // c1: a learned answer rated up: confirmed; its transcript gives a first response of 1.5 s.
        var c1 = await TurnAsync("c1", Day.AddHours(10), "technical", "How can I change my password?", "learned", latency: 100, steps: new(10, 20, 5, 50),
            learned: LearnedAnswerId);
        await FeedbackAsync("c1", c1, 1, Day.AddHours(10).AddMinutes(1));
        await TranscriptAsync("c1", Day.AddHours(10), Day.AddHours(10).AddMilliseconds(1500));
        // c2: answered, nothing after: assumed resolved.
        await TurnAsync("c2", Day.AddHours(11), "billing", "Where are my invoices?", "kb", latency: 200, steps: new(20, 40, 10, 100));
        // c3: handed off and resolved by dana half an hour later: assisted.
        await TurnAsync("c3", Day.AddHours(12), "billing", "I want a refund for the duplicate charge", "none", latency: 50, escalated: ["asks_for_human"]);
        var c3 = await HandoffAsync("c3", "billing", ["asks_for_human"], Day.AddHours(12));
        await SqlAsync("UPDATE handoffs SET state = 'resolved', assigned_to = 'dana', updated_at = $1 WHERE id = $2", Day.AddHours(12).AddMinutes(30), c3);
        // c4: answered and rated down: unresolved (and a gap).
        var c4 = await TurnAsync("c4", Day.AddHours(13), "technical", "My webhook keeps failing", "kb", latency: 150);
        await FeedbackAsync("c4", c4, -1, Day.AddHours(13).AddMinutes(5));
        // c5: handed off, still queued: pending.
        await TurnAsync("c5", Day.AddHours(14), "billing", "refund for a duplicate charge please", "none", latency: 60, escalated: ["complaint", "negative_feedback"]);
        await HandoffAsync("c5", "billing", ["complaint", "negative_feedback"], Day.AddHours(14));
        // c6: declined with low confidence, nothing else: unresolved (and a gap). The email must never come out.
        await TurnAsync("c6", Day.AddHours(15), "general", "Can you book me a flight to Paris? mail ann.lee@example.com", "none", latency: 40, confidence: 0.2);
        // c7: starts exactly at the end of the period: not in it.
        await TurnAsync("c7", Day.AddDays(1), "technical", "How do I export my data?", "kb", latency: 999);
        // c8: only says hello: not a request, not counted as a conversation.
        await TurnAsync("c8", Day.AddHours(16), "general", "hello", "none", latency: 5, intent: "greeting");
    }

    private async Task<string> TurnAsync(
        string conversation, DateTimeOffset at, string route, string question, string source, int latency, TurnStepLatencies? steps = null,
        string[]? escalated = null, double confidence = 0.9, long? learned = null, string intent = "question")
    {
        var reply = $"{conversation}|reply{++_replies}";
        var id = await host.Services.GetRequiredService<ITurnStore>().RecordAsync(
            new TurnRecord(conversation, "directline", "dl_" + conversation, reply, route, confidence, intent, escalated is not null,
                escalated ?? [], source, [], latency)
            {
                Question = question,
                Steps = steps ?? TurnStepLatencies.None,
                LearnedAnswerId = learned,
            },
            CancellationToken.None);
        await SqlAsync("UPDATE turns SET created_at = $1 WHERE id = $2", at, id);
        return reply;
    }

    private async Task FeedbackAsync(string conversation, string reply, int rating, DateTimeOffset at)
    {
        var id = await host.Services.GetRequiredService<IFeedbackStore>().RecordAsync(
            new FeedbackEntry(conversation, reply, "dl_" + conversation, rating, null, "raw question", []), CancellationToken.None);
        await SqlAsync("UPDATE feedback SET created_at = $1 WHERE id = $2", at, id);
    }

    private async Task<long> HandoffAsync(string conversation, string route, string[] reasons, DateTimeOffset at)
    {
        var id = await host.Services.GetRequiredService<IHandoffStore>().CreateAsync(
            new HandoffRequest(conversation, "dl_" + conversation, "directline", route, reasons, "summary", [], null), CancellationToken.None);
        await SqlAsync("UPDATE handoffs SET created_at = $1, updated_at = $1 WHERE id = $2", at, id);
        return id;
    }

    private async Task TranscriptAsync(string conversation, DateTimeOffset asked, DateTimeOffset answered)
    {
        var store = host.Services.GetRequiredService<ITranscriptStore>();
        await store.EnsureConversationAsync(new ConversationRecord(conversation, "directline", "dl_" + conversation, null), CancellationToken.None);
        var question = await store.AppendAsync(Message(conversation, "user", "How can I change my password? call +44 20 7946 0958"), true, CancellationToken.None);
        var answer = await store.AppendAsync(Message(conversation, "bot", "Open Settings > Security."), true, CancellationToken.None);
        await SqlAsync("UPDATE transcript_activities SET recorded_at = $1 WHERE conversation_id = $2 AND seq = $3", asked, conversation, question.Seq);
        await SqlAsync("UPDATE transcript_activities SET recorded_at = $1 WHERE conversation_id = $2 AND seq = $3", answered, conversation, answer.Seq);
    }

    private static Activity Message(string conversation, string role, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount(role == "bot" ? "bot" : "dl_" + conversation, role == "bot" ? "Bot" : "Ann", role),
        Conversation = new ConversationAccount(id: conversation),
        ChannelId = "directline",
    };

    private async Task SqlAsync(string sql, params object[] parameters)
    {
        await using var command = host.Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
        }
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
