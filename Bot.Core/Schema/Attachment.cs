using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>A file or card attached to an activity.</summary>
public sealed class Attachment
{
    public Attachment()
    {
    }

    public Attachment(string? contentType = null, string? contentUrl = null, object? content = null, string? name = null, string? thumbnailUrl = null)
    {
        ContentType = contentType;
        ContentUrl = contentUrl;
        Content = content;
        Name = name;
        ThumbnailUrl = thumbnailUrl;
    }

    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public object? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
