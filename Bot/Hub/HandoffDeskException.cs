namespace Bot.Hub;

/// <summary>A hub or REST request that cannot be done: unknown handoff (404), wrong state or someone else's (409), bad input (400).</summary>
public sealed class HandoffDeskException : Exception
{
    /// <summary>The code (and SignalR error message) when someone else took the handoff first.</summary>
    public const string Taken = "taken";

    public HandoffDeskException()
        : this("The request cannot be done.")
    {
    }

    public HandoffDeskException(string message)
        : this(StatusCodes.Status400BadRequest, "BadArgument", message)
    {
    }

    public HandoffDeskException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Code = "BadArgument";
    }

    private HandoffDeskException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; }

    public static HandoffDeskException NotFound(long id) => new(StatusCodes.Status404NotFound, "NotFound", $"There is no handoff {id} you can see.");

    public static HandoffDeskException Conflict(string code, string message) => new(StatusCodes.Status409Conflict, code, message);

    public static HandoffDeskException BadArgument(string message) => new(StatusCodes.Status400BadRequest, "BadArgument", message);
}
