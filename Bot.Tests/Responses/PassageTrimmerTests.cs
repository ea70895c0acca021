using Bot.Dialogs.Responses;

namespace Bot.Tests.Responses;

public sealed class PassageTrimmerTests
{
    private const string Article = """
        If you've forgotten your Northwind Cloud password, or you just want to change it, you can set a new one from the sign-in page in a couple of minutes. This article applies to accounts that sign in with an email address and password. If your company signs you in with single sign-on (SSO), your password is managed elsewhere.

        ## Steps
        1. Go to https://app.northwind.example/signin and click **Forgot password?**
        2. Enter the email address you use for Northwind Cloud and click **Send reset link**.
        3. Open the email from no-reply@northwind.example.
        4. Click **Choose a new password**. The link is valid for 60 minutes and works only once.
        5. Enter a new password of at least 10 characters.
        6. Click **Save password**. You're signed in automatically.

        Resetting your password signs you out everywhere else, including the mobile apps and the desktop app. Sign in again on those devices with the new password. A reset also unlocks an account that was locked after too many failed sign-in attempts.

        ## If you don't receive the reset email
        - Wait five minutes, then check your spam, junk or "Promotions" folder.
        - Check that you typed the address you signed up with.
        - Ask your IT team to allow email from northwind.example; some company filters quarantine automated messages.
        - If you requested several emails, only the newest link works.
        - Older links show "This reset link has expired or was already used."
        """;

    [Fact]
    public void A_short_passage_is_kept_whole()
    {
        const string passage = "Invoices are emailed on the 1st of each month. You can download them in Admin Console > Billing.";
        Assert.Equal(passage, PassageTrimmer.Trim("where are my invoices", passage));
    }

    [Fact]
    public void Numbered_steps_are_kept_whole_and_in_order()
    {
        var answer = PassageTrimmer.Trim("what are the steps to reset my password", Article);
        var lines = answer.Split('\n');
        var steps = lines.Where(l => l.Length > 2 && char.IsDigit(l[0]) && l[1] == '.').ToList();
        Assert.Equal(6, steps.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), steps.Select(s => s[..1]));
        Assert.Contains("Steps:", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sentences_about_the_question_are_chosen_and_the_rest_left_out()
    {
        var answer = PassageTrimmer.Trim("does resetting sign me out of the mobile apps?", Article);
        Assert.Contains("signs you out everywhere else", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Promotions", answer, StringComparison.Ordinal);
        Assert.True(answer.Length <= PassageTrimmer.MaxCharactersWithSteps, answer);
    }

    [Fact]
    public void A_long_bullet_list_keeps_its_heading_and_the_matching_items()
    {
        var answer = PassageTrimmer.Trim("reset email never arrived, maybe spam folder or company filters?", Article);
        Assert.Contains("If you don't receive the reset email:", answer, StringComparison.Ordinal);
        Assert.Contains("spam", answer, StringComparison.Ordinal);
        Assert.Contains("filters", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paraphrase_without_shared_words_gets_the_start_of_the_passage()
    {
        var answer = PassageTrimmer.Trim("zzz qqq", Article);
        Assert.StartsWith("If you've forgotten your Northwind Cloud password", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_without_an_introduction_is_introduced_by_its_section_heading()
    {
        const string passage = "- Windows 10 or Windows 11 (64-bit)\n- macOS 12 Monterey or later\n- Linux isn't supported; use the web app instead.";
        var answer = PassageTrimmer.Trim("is there a linux client", passage, "Install Northwind Drive > System requirements");
        Assert.Equal("System requirements:\n" + passage, answer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🙂🙂🙂")]
    public void Questions_without_words_do_not_break_it(string question)
    {
        Assert.False(string.IsNullOrWhiteSpace(PassageTrimmer.Trim(question, Article)));
    }
}
