using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Bot.DirectLine;

/// <summary>Unguessable conversation and user ids in the shapes Direct Line clients expect.</summary>
public static partial class DirectLineIds
{
    public static string NewConversationId() => Random(16) + "-dl";

    public static string NewUserId() => "dl_" + Random(16);

    /// <summary>A user id a client may bring back: <c>dl_</c> and 16 to 64 URL-safe characters.</summary>
    public static bool IsValidUserId(string? userId) => userId is not null && UserId().IsMatch(userId);

    private static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^dl_[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex UserId();
}
