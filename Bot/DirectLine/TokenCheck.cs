namespace Bot.DirectLine;

/// <summary>A checked token: its status and, when valid, who it stands for.</summary>
public sealed record TokenCheck(TokenStatus Status, DirectLineCaller? Caller)
{
    public static TokenCheck Invalid { get; } = new(TokenStatus.Invalid, null);

    public static TokenCheck Expired { get; } = new(TokenStatus.Expired, null);
}
