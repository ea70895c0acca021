using Bot.Dialogs.Escalation;

namespace Bot.Tests.Escalation;

/// <summary>"The same question again after an answer": paraphrase-tolerant, answered questions only, and not a double send.</summary>
public sealed class RepeatedQuestionTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 10, 0, 0, TimeSpan.Zero);

    private static ConversationSignals Asked(string question, bool answered, DateTimeOffset at)
    {
        var signals = new ConversationSignals();
        signals.Remember(new AskedQuestion { Text = question, Answered = answered, At = at });
        return signals;
    }

    [Theory]
    [InlineData("How do I reset my password?", true)]
    [InlineData("how do i reset my password", true)]
    [InlineData("where can I reset the password", true)]
    [InlineData("how do I turn on two factor authentication", false)]
    public void A_question_like_one_answered_earlier_is_asked_again(string question, bool again) =>
        Assert.Equal(again, EscalationPolicy.AskedAgain(question, Asked("How do I reset my password?", true, Now.AddMinutes(-1)), 0.6, Now.AddSeconds(-5)));

    [Fact]
    public void A_question_that_was_not_answered_is_not_asked_again() =>
        Assert.False(EscalationPolicy.AskedAgain("How do I reset my password?", Asked("How do I reset my password?", false, Now.AddMinutes(-1)), 0.6, Now.AddSeconds(-5)));

    [Fact]
    public void A_copy_sent_right_after_the_answer_is_a_double_send_not_a_repeat() =>
        Assert.False(EscalationPolicy.AskedAgain("How do I reset my password?", Asked("How do I reset my password?", true, Now.AddSeconds(-1)), 0.6, Now.AddSeconds(-5)));
}
