using System.Globalization;
using System.Text;
using Bot.Knowledge.Analytics;

namespace Bot.Analytics;

/// <summary>Conversations with their outcome as CSV (RFC 4180; formula-leading cells quoted with a ' so spreadsheets show them as text).</summary>
public static class ConversationCsv
{
    public const string Header =
        "conversation_id,channel_id,started_at,last_at,route,outcome,turns,handoffs,thumbs_up,thumbs_down,satisfaction,first_question";

    public static string Write(IEnumerable<ConversationSummary> conversations)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var c in conversations)
        {
            csv.AppendJoin(',',
                Cell(c.ConversationId), Cell(c.ChannelId), Time(c.StartedAt), Time(c.LastAt), Cell(c.Route), Cell(c.Outcome),
                Number(c.Turns), Number(c.Handoffs), Number(c.ThumbsUp), Number(c.ThumbsDown),
                c.Satisfaction?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", Cell(c.FirstQuestion));
            csv.Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
