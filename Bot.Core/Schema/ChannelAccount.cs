using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    public ChannelAccount()
    {
    }

    public ChannelAccount(string? id = null, string? name = null, string? role = null, string? aadObjectId = null)
    {
        Id = id;
        Name = name;
        Role = role;
        AadObjectId = aadObjectId;
    }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
