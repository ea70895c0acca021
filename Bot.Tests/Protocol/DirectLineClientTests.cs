using Bot.Tests.Infrastructure;

namespace Bot.Tests.Protocol;

/// <summary>The stock <c>botframework-directlinejs</c> client, in Node, talks to the host's Direct Line channel.</summary>
public sealed class DirectLineClientTests(BotHost host) : IClassFixture<BotHost>
{
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task Directlinejs_asks_gets_an_answer_and_resumes_without_duplicates(string webSocket)
    {
        var result = await NodeScript.RunAsync("directline-conversation.mjs", new Dictionary<string, string>
        {
            ["BOT_URL"] = host.BaseAddress.ToString().TrimEnd('/'),
            ["DL_SECRET"] = BotHost.DirectLineSecret,
            ["DL_WEBSOCKET"] = webSocket,
        }, TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json ?? throw new Xunit.Sdk.XunitException("The script printed no JSON result. " + result);
        Assert.True(json.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(0, json.GetProperty("duplicates").GetArrayLength());
    }
}
