namespace Bot.Knowledge.Ingestion;

/// <summary>A stored chunk; <paramref name="Embedded"/> says whether it has a vector.</summary>
public sealed record StoredChunk(long Id, int Ordinal, string Heading, string Content, bool Embedded);
