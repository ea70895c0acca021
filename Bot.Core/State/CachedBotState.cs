using System.Security.Cryptography;
using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>The state of one <see cref="BotState"/> for the current turn, kept in the turn state.</summary>
internal sealed class CachedBotState
{
    public CachedBotState(Dictionary<string, object?> state, string? eTag)
    {
        State = state;
        ETag = eTag;
        Hash = ComputeHash();
    }

    public Dictionary<string, object?> State { get; set; }

    /// <summary>Gets or sets the eTag read at load (or written by the last save); "" when nothing was stored.</summary>
    public string? ETag { get; set; }

    public string Hash { get; set; }

    public bool IsChanged() => !string.Equals(Hash, ComputeHash(), StringComparison.Ordinal);

    public string ComputeHash() =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(State, BotJson.Options)));
}
