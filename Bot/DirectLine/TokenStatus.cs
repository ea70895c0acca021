namespace Bot.DirectLine;

/// <summary>What checking a Direct Line token found.</summary>
public enum TokenStatus
{
    Valid,
    Invalid,
    Expired,
}
