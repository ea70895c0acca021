using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public ConversationAccount()
    {
    }

    public ConversationAccount(bool? isGroup = null, string? conversationType = null, string? id = null, string? name = null, string? aadObjectId = null, string? role = null, string? tenantId = null)
    {
        IsGroup = isGroup;
        ConversationType = conversationType;
        Id = id;
        Name = name;
        AadObjectId = aadObjectId;
        Role = role;
        TenantId = tenantId;
    }

    public bool? IsGroup { get; set; }

    public string? ConversationType { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
