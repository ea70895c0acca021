using System.Text;
using System.Text.Json;
using Bot.Http;

namespace Bot.Tests.ChannelUnits;

/// <summary>NUL escapes in inbound JSON become U+FFFD (PostgreSQL cannot store U+0000); everything else is untouched.</summary>
public sealed class JsonNulEscapesTests
{
    [Theory]
    [InlineData("""{"text":"reset\u0000my"}""", "reset\uFFFDmy")]
    [InlineData("""{"text":"\u0000"}""", "\uFFFD")]
    [InlineData("""{"text":"a\\u0000b"}""", "a\\u0000b")]
    [InlineData("""{"text":"a\\\u0000b"}""", "a\\\uFFFDb")]
    [InlineData("""{"text":"bell\u0007 and \u00001"}""", "bell\u0007 and \uFFFD1")]
    [InlineData("""{"text":"no escapes"}""", "no escapes")]
    public void Nul_escapes_are_replaced_and_escaped_backslashes_are_left_alone(string json, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        JsonNulEscapes.Replace(bytes);

        Assert.Equal(expected, JsonDocument.Parse(bytes).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void A_truncated_escape_at_the_end_is_left_for_the_parser_to_reject()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"text":"\u000""");

        JsonNulEscapes.Replace(bytes);

        Assert.Equal("""{"text":"\u000""", Encoding.UTF8.GetString(bytes));
    }
}
