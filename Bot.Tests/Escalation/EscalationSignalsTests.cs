using Bot.Dialogs.Escalation;

namespace Bot.Tests.Escalation;

/// <summary>The wording signals: what each must catch, and the how-to questions the help centre answers instead.</summary>
public sealed class EscalationSignalsTests
{
    [Theory]
    [InlineData("what the fuck is wrong with your app", EscalationReasons.AbusiveLanguage)]
    [InlineData("you stupid bot", EscalationReasons.AbusiveLanguage)]
    [InlineData("my lawyer will be in touch", EscalationReasons.LegalLanguage)]
    [InlineData("I'll see you in court", EscalationReasons.LegalLanguage)]
    [InlineData("i'm reporting you to the data protection authority", EscalationReasons.LegalLanguage)]
    [InlineData("my account was hacked", EscalationReasons.AccountTakeover)]
    [InlineData("someone logged into my account from russia", EscalationReasons.AccountTakeover)]
    [InlineData("there are logins i don't recognise", EscalationReasons.AccountTakeover)]
    [InlineData("I'm filing a chargeback", EscalationReasons.PaymentDispute)]
    [InlineData("I disputed the charge with my bank", EscalationReasons.PaymentDispute)]
    [InlineData("this is a fraudulent charge", EscalationReasons.PaymentDispute)]
    [InlineData("erase all my data", EscalationReasons.DataDeletion)]
    [InlineData("right to be forgotten request", EscalationReasons.DataDeletion)]
    public void The_wording_signals_fire(string message, string reason) =>
        Assert.Contains(reason, EscalationSignals.Of(message));

    [Theory]
    [InlineData("How do I reset my password?")]
    [InlineData("how do I delete my account")]
    [InlineData("how do I delete our whole workspace")]
    [InlineData("someone on my team can't log in")]
    [InlineData("which legal entity bills us")]
    [InlineData("how do I remove a user from the workspace")]
    [InlineData("I deleted a file by mistake, can I get it back")]
    [InlineData("my api token returns unauthorized")]
    public void Everyday_questions_raise_no_signal(string message) =>
        Assert.Empty(EscalationSignals.Of(message));
}
