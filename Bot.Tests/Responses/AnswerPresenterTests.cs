using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Schema;
using Bot.Dialogs.Cards;
using Bot.Dialogs.Responses;
using Bot.Knowledge.Search;

namespace Bot.Tests.Responses;

public sealed class AnswerPresenterTests
{
    private static readonly ComposedAnswer Answer = new(
        "Go to the sign-in page and click **Forgot password?**",
        AnswerSources.KnowledgeBase,
        [
            new KnowledgeHit(11, 1, "Reset your password", "https://help.northwind.example/articles/reset-password", "Steps", "...", "technical", 1, 1, 1),
            new KnowledgeHit(12, 2, "Account locked", null, "", "...", "technical", 0.5, 0.5, 0.5),
        ]);

    private readonly AnswerPresenter _presenter = new(new CardLibrary());

    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("test")]
    public void Card_channels_get_the_answer_card_with_submit_actions(string channelId)
    {
        var reply = _presenter.Present(channelId, Answer.Text, Answer, "key-1", null);
        var card = Card(reply);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal(Answer.Text, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(Answer.Text, card["fallbackText"]!.GetValue<string>());
        var texts = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Contains("[Reset your password](https://help.northwind.example/articles/reset-password)", texts);
        Assert.Contains("Account locked", texts);
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["Action.Submit", "Action.Submit", "Action.ShowCard", "Action.Submit"], actions.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("key-1", actions[0]!["data"]!["answerKey"]!.GetValue<string>());
        Assert.Equal("handoff", actions[3]!["data"]!["action"]!.GetValue<string>());
        Assert.Equal("comment", actions[2]!["card"]!["body"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Teams_gets_execute_actions_that_fall_back_to_submit()
    {
        var card = Card(_presenter.Present("msteams", Answer.Text, Answer, "key-2", null));
        var actions = card["actions"]!.AsArray();
        var thumbsUp = actions[0]!;
        Assert.Equal("Action.Execute", thumbsUp["type"]!.GetValue<string>());
        Assert.Equal("feedback", thumbsUp["verb"]!.GetValue<string>());
        Assert.Equal("up", thumbsUp["data"]!["rating"]!.GetValue<string>());
        Assert.Equal("Action.Submit", thumbsUp["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal("key-2", thumbsUp["fallback"]!["data"]!["answerKey"]!.GetValue<string>());
        var send = actions[2]!["card"]!["actions"]![0]!;
        Assert.Equal("Action.Execute", send["type"]!.GetValue<string>());
        Assert.Equal("handoff", actions[3]!["verb"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("email")]
    [InlineData("some-new-channel")]
    [InlineData(null)]
    public void Channels_without_cards_get_plain_text_with_the_sources(string? channelId)
    {
        var reply = _presenter.Present(channelId, Answer.Text, Answer, "key-3", "Answer from our support team.");
        Assert.True(reply.Attachments is null || reply.Attachments.Count == 0);
        Assert.StartsWith(Answer.Text, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Sources: Reset your password (https://help.northwind.example/articles/reset-password); Account locked", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Answer from our support team.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_is_shown_under_the_answer_only_when_there_is_one()
    {
        var withNote = Card(_presenter.Present("directline", "x", Answer, "k", "Answer from our support team."));
        var without = Card(_presenter.Present("directline", "x", Answer, "k", null));
        Assert.Equal("Answer from our support team.", withNote["body"]![1]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(without["body"]!.AsArray(), b => b!["text"]?.GetValue<string>() == "");
    }

    private static JsonObject Card(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(CardLibrary.ContentType, attachment.ContentType);
        return JsonSerializer.SerializeToNode(attachment.Content, BotJson.Options)!.AsObject();
    }
}
