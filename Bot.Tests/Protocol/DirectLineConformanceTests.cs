using Bot.Tests.Infrastructure;

namespace Bot.Tests.Protocol;

/// <summary>
/// The stock <c>botframework-directlinejs</c> client, in Node, against the host: two conversations at once stay apart,
/// one conversation's token is refused on another, uploads, token refresh, typing, and (over WebSocket) a reconnect
/// mid-conversation that loses and repeats nothing. The checks themselves are in <c>clients/directline-conformance.mjs</c>.
/// </summary>
public sealed class DirectLineConformanceTests(BotHost host) : IClassFixture<BotHost>
{
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task Directlinejs_conversations_are_isolated_upload_refresh_and_reconnect_work(string webSocket)
    {
        var result = await NodeScript.RunAsync("directline-conformance.mjs", new Dictionary<string, string>
        {
            ["BOT_URL"] = host.BaseAddress.ToString().TrimEnd('/'),
            ["DL_SECRET"] = BotHost.DirectLineSecret,
            ["DL_WEBSOCKET"] = webSocket,
        }, TimeSpan.FromSeconds(150));
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.TestOutput, $"directline-conformance-{(webSocket == "true" ? "websocket" : "polling")}.log"), result.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json ?? throw new Xunit.Sdk.XunitException("The script printed no JSON result. " + result);
        Assert.True(json.GetProperty("ok").GetBoolean(), result.ToString());

        var conversations = json.GetProperty("conversations");
        var uploads = await host.Database.CountAsync(
            "SELECT count(*) FROM directline_attachments WHERE conversation_id = $1 AND activity_id IS NOT NULL", conversations[0].GetString()!);
        Assert.Equal(2, uploads);
    }
}
