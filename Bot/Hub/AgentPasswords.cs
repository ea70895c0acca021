using Microsoft.AspNetCore.Identity;

namespace Bot.Hub;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 <see cref="PasswordHasher{TUser}"/>) and checks.</summary>
public sealed class AgentPasswords
{
    public const int MinLength = 10;

    private static readonly AgentAccount Nobody = new(0, "", "", "", "", [], true);
    private readonly PasswordHasher<AgentAccount> _hasher = new();
    private readonly Lazy<string> _decoy;

    public AgentPasswords() => _decoy = new Lazy<string>(() => _hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    /// <summary>Whether the password opens the account; an unknown or disabled account costs the same time and fails.</summary>
    public bool Verify(AgentAccount? account, string password)
    {
        var result = _hasher.VerifyHashedPassword(account ?? Nobody, account?.PasswordHash ?? _decoy.Value, password);
        return account is { Disabled: false } && result != PasswordVerificationResult.Failed;
    }
}
