namespace Bot.DirectLine;

/// <summary>One file of an <c>upload</c> call.</summary>
public sealed record UploadedFile(string Name, string ContentType, byte[] Content);
