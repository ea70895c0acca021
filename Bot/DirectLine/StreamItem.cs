using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>An activity on its way to a socket, with its sequence number (null when it is not stored, like typing).</summary>
public sealed record StreamItem(long? Seq, Activity Activity);
