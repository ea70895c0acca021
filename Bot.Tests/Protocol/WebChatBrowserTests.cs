using Bot.Tests.Infrastructure;

namespace Bot.Tests.Protocol;

/// <summary>Web Chat in headless Chromium: a person types a question, sees the answer card and rates it.</summary>
public sealed class WebChatBrowserTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task A_question_typed_in_web_chat_gets_an_answer_card_and_feedback_is_acknowledged()
    {
        var (result, screenshots) = await BrowserScript.RunAsync(
            "webchat-browser.mjs", "index.html", "webchat", host, new Dictionary<string, string>(), TimeSpan.FromSeconds(150));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(screenshots, "webchat-answer.png")), "No screenshot of the answer was saved.");
        var feedback = await host.Database.CountAsync("SELECT count(*) FROM feedback WHERE rating = 1");
        Assert.True(feedback >= 1, "The thumbs-up from the browser was not stored.");
    }
}
