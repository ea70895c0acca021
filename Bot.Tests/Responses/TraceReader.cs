using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Tests.Responses;

internal static class TraceReader
{
    public static JsonElement Trace(Activity reply)
    {
        var channelData = JsonSerializer.SerializeToElement(reply.ChannelData, BotJson.Options);
        return channelData.GetProperty("supportTrace");
    }

    public static string AnswerSource(Activity reply) => Trace(reply).GetProperty("answerSource").GetString()!;

    public static JsonElement Card(Activity reply) =>
        JsonSerializer.SerializeToElement(Assert.Single(reply.Attachments!).Content, BotJson.Options);

    public static string CardText(Activity reply) => Card(reply).GetProperty("body")[0].GetProperty("text").GetString()!;
}
