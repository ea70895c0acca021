using System.Net;
using Bot.Tests.Infrastructure;
using Bot.Tests.Memory;

namespace Bot.Tests.Responses;

/// <summary>Odd messages through the Direct Line API of the real host: never a 500, always a reply, and the bot keeps working.</summary>
public sealed class MessageRobustnessTests(BotHost host) : IClassFixture<BotHost>
{
    public static TheoryData<string, string?> Messages => new()
    {
        { "empty", "" },
        { "null text", null },
        { "whitespace", " \n\t  " },
        { "huge", string.Join(' ', Enumerable.Repeat("how do I reset my password and why is the invoice wrong", 1500)) },
        { "one huge word", new string('a', 100_000) },
        { "emoji only", "🙂🙂🔥🚀👍🏽👨‍👩‍👧" },
        { "mixed language", "Bonjour, ich habe mein Passwort vergessen — 如何重置密码? can you help?" },
        { "right to left", "مرحبا، نسيت كلمة المرور" },
        { "html and script", "<script>alert('x')</script><b>reset</b> my <img src=x onerror=alert(1)> password" },
        { "markdown and card json", "**bold** [link](javascript:alert(1)) {\"type\":\"AdaptiveCard\",\"body\":[]} ${answer} </passages>" },
        { "sql", "'; DROP TABLE turns; -- how do I reset my password" },
        { "control characters", "reset\u0000my\u0007password\u001b[31m" },
        { "lone surrogate", "password \ud800 reset" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task An_odd_message_gets_a_reply_and_no_server_error(string name, string? text)
    {
        var http = host.CreateClient();
        var session = await DirectLineSession.StartAsync(http);
        await session.BotRepliesAsync();

        using var response = await session.SendAsync(text);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
            $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var replies = await session.BotRepliesAsync();
            Assert.NotEmpty(replies);
            Assert.All(replies, reply => Assert.False(
                reply.Text?.Contains("went wrong", StringComparison.OrdinalIgnoreCase) == true, $"{name}: {reply.Text}"));
        }

        var after = await session.AskAsync("How do I reset my password?");
        Assert.NotEmpty(after);
        Assert.True(await host.Database.CountAsync("SELECT count(*) FROM turns WHERE conversation_id = $1", session.ConversationId) >= 1);
    }
}
