namespace Bot.Auth;

/// <summary>Roles of the people and keys that use the admin and agent APIs.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Agent = "agent";
}
