using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Connector;

/// <summary>The parts of Teams' <c>channelData</c> that say where a conversation lives: tenant, team and channel ids.</summary>
public sealed record TeamsChannelData(string? TenantId, string? TeamId, string? ChannelId)
{
    public static TeamsChannelData From(object? channelData)
    {
        if (channelData is null)
        {
            return new TeamsChannelData(null, null, null);
        }
        var element = channelData is JsonElement json ? json : JsonSerializer.SerializeToElement(channelData, BotJson.Options);
        return element.ValueKind != JsonValueKind.Object
            ? new TeamsChannelData(null, null, null)
            : new TeamsChannelData(IdOf(element, "tenant"), IdOf(element, "team"), IdOf(element, "channel"));
    }

    private static string? IdOf(JsonElement channelData, string property) =>
        channelData.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
