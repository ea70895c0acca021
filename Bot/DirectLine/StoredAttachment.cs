namespace Bot.DirectLine;

/// <summary>An uploaded file as it is served back.</summary>
public sealed record StoredAttachment(string Id, string? Name, string ContentType, byte[] Content);
