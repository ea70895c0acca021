using System.Text.Json.Serialization;
using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>A page of activities and the watermark to continue from.</summary>
public sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Watermark);
