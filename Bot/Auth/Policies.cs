namespace Bot.Auth;

/// <summary>Authorization policies of the APIs.</summary>
public static class Policies
{
    /// <summary>Admins only: knowledge-base management.</summary>
    public const string Admin = "admin";

    /// <summary>Human agents and admins: handoffs, corrections, analytics.</summary>
    public const string Agent = "agent";
}
