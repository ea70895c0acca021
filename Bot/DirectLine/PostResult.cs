namespace Bot.DirectLine;

/// <summary>The id given to a posted activity, and whether the bot failed on it (Direct Line answers 502 then).</summary>
public sealed record PostResult(string Id, bool BotFailed);
