using Bot.Core.Schema;

namespace Bot.Knowledge.Transcripts;

/// <summary>An activity with its place in the conversation.</summary>
public sealed record TranscriptEntry(long Seq, Activity Activity);
