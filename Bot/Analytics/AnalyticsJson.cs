using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Analytics;

/// <summary>The analytics API's JSON: camelCase, nulls left out, times in UTC with a Z.</summary>
public static class AnalyticsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcTimestampConverter() },
    };

    public static JsonHttpResult<T> Ok<T>(T value) => TypedResults.Json(value, Options);
}
