using System.Text.Json;

namespace Bot.Tests.Infrastructure;

/// <summary>A call the fake Bot Framework service received, with what it answered.</summary>
public sealed record RecordedRequest(
    string Method, string Path, string? Authorization, JsonElement? Body, int Status, DateTimeOffset ReceivedAt)
{
    public string? Text => Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("text", out var text) ? text.GetString() : null;

    public override string ToString() => $"{Method} {Path} -> {Status}";
}
