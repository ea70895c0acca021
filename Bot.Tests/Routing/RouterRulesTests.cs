using Bot.Dialogs.Routing;

namespace Bot.Tests.Routing;

/// <summary>The wording rules for the obvious intents: what they must catch and what they must leave to the model.</summary>
public sealed class RouterRulesTests
{
    [Theory]
    [InlineData("agent please", "asks_for_human")]
    [InlineData("I want to talk to a human", "asks_for_human")]
    [InlineData("can you connect me with someone from support", "asks_for_human")]
    [InlineData("is there a real person I can chat with", "asks_for_human")]
    [InlineData("this bot isn't helping, who can i speak to", "asks_for_human")]
    [InlineData("hello", "greeting")]
    [InlineData("Good morning!", "greeting")]
    [InlineData("thanks!", "thanks")]
    [InlineData("thank you, that's all I needed", "thanks")]
    [InlineData("I want to file a complaint", "complaint")]
    [InlineData("this is completely unacceptable", "complaint")]
    public void The_rules_recognise_obvious_intents(string message, string intent) =>
        Assert.Equal(intent, RouterRules.IntentOf(message));

    [Theory]
    [InlineData("How do I reset my password?")]
    [InlineData("thanks but it still doesn't work")]
    [InlineData("hi, how do I add a VAT ID")]
    [InlineData("how do I invite someone to my workspace")]
    [InlineData("how do I make a formal complaint?")]
    [InlineData("what do you call someone who was born in segovia")]
    [InlineData("how do I claim SLA service credits")]
    public void The_rules_leave_other_messages_to_the_model(string message) =>
        Assert.Null(RouterRules.IntentOf(message));

    [Theory]
    [InlineData("I need to make a damn claim")]
    [InlineData("where do I send a reclamation")]
    [InlineData("help me file a customer claum against your business")]
    [InlineData("how do I make a formal complaint?")]
    public void Complaint_language_is_recognised_even_when_asked_as_a_question(string message) =>
        Assert.True(RouterRules.MentionsComplaint(message));

    [Theory]
    [InlineData("can I make a copy of a project")]
    [InlineData("how do I file an invoice in our accounting system")]
    [InlineData("is there a limit against the api")]
    public void Ordinary_questions_are_not_complaints(string message) =>
        Assert.False(RouterRules.MentionsComplaint(message));
}
