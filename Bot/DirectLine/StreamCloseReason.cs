namespace Bot.DirectLine;

/// <summary>Why the server ended a conversation's WebSocket.</summary>
public enum StreamCloseReason
{
    /// <summary>The socket fell too far behind; the client reconnects from its watermark.</summary>
    FellBehind,

    /// <summary>A newer socket opened on the same conversation (the real service's reason <c>collision</c>).</summary>
    Collision,

    /// <summary>The conversation expired after being idle; reconnecting gets 404.</summary>
    Expired,
}
