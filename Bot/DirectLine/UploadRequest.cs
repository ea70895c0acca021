using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>What an <c>upload</c> call carried: the template activity (the <c>activity</c> part, if any) and the files.</summary>
public sealed record UploadRequest(Activity? Template, IReadOnlyList<UploadedFile> Files);
