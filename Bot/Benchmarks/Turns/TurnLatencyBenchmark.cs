using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bot.Core.Schema;
using Bot.DirectLine;

namespace Bot.Benchmarks.Turns;

/// <summary>
/// Turn latency through the Direct Line channel as a client sees it: the time from sending a message
/// (<c>POST …/activities</c>, which returns once the bot's turn has run and its replies are stored and pushed) to its
/// response, over real HTTP on loopback, against the running host with its own database and configuration. Questions
/// are the labelled customer questions, five to a conversation; the first turns warm the process up and are not counted.
/// </summary>
public sealed class TurnLatencyBenchmark(TextWriter output, HttpClient http, string secret)
{
    private const int QuestionsPerConversation = 5;

    public async Task<TurnLatencyResult> RunAsync(IReadOnlyList<string> questions, int turns, int warmUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var samples = new List<double>(turns);
        var failures = 0;
        string? conversationId = null;
        for (var i = 0; i < warmUp + turns; i++)
        {
            if (i % QuestionsPerConversation == 0)
            {
                conversationId = await StartAsync(cancellationToken);
            }
            var message = new Activity
            {
                Type = ActivityTypes.Message,
                From = new ChannelAccount { Id = $"dl_bench-{i / QuestionsPerConversation}", Name = "Bench" },
                Text = questions[i % questions.Count],
            };
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync($"v3/directline/conversations/{conversationId}/activities", message, BotJson.Options, cancellationToken);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                failures++;
                continue;
            }
            if (i >= warmUp)
            {
                samples.Add(elapsed);
            }
        }
        var latency = Percentiles.Of(samples);
        await output.WriteLineAsync(
            $"{samples.Count} turns: p50 {latency.P50:F1} ms  p95 {latency.P95:F1} ms  p99 {latency.P99:F1} ms  mean {latency.Mean:F1} ms  failed {failures}");
        return new TurnLatencyResult(latency, failures);
    }

    private async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var conversation = await response.Content.ReadFromJsonAsync<DirectLineConversation>(cancellationToken)
            ?? throw new InvalidOperationException("Direct Line returned no conversation.");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        return conversation.ConversationId;
    }
}

/// <summary>What <see cref="TurnLatencyBenchmark"/> measured.</summary>
public sealed record TurnLatencyResult(Percentiles Latency, int Failures);
