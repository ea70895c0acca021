using Bot.Knowledge.Privacy;

namespace Bot.Tests.Analytics;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("mail ann.lee+work@example.co.uk now", "mail [email] now")]
    [InlineData("card 4111 1111 1111 1111 declined", "card [card] declined")]
    [InlineData("card 4111-1111-1111-1111", "card [card]")]
    [InlineData("card 4111111111111111", "card [card]")]
    [InlineData("call +44 20 7946 0958 today", "call [phone] today")]
    [InlineData("call (555) 123-4567", "call [phone]")]
    [InlineData("call 555-123-4567 or 5551234567", "call [phone] or [phone]")]
    [InlineData("a@b.io, 4242 4242 4242 4242, +1 415 555 2671", "[email], [card], [phone]")]
    public void Personal_data_is_replaced(string text, string expected) => Assert.Equal(expected, PiiRedactor.Redact(text));

    [Theory]
    [InlineData("error E1042 on 2026-11-24 at 03:00:00")]
    [InlineData("activity abc-dl|0000012 in conversation 9f8e7d-dl")]
    [InlineData("invoice 1234, order 98765, 3 seats for 120 EUR")]
    [InlineData("version 10.0.3 and ip 192.168.100.200")]
    [InlineData("")]
    public void Ordinary_text_and_ids_stay_as_they_are(string text) => Assert.Equal(text, PiiRedactor.Redact(text));

    [Fact]
    public void Null_stays_null() => Assert.Null(PiiRedactor.Redact(null));
}
