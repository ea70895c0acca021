namespace Bot.Knowledge.Privacy;

/// <summary>What a privacy erasure removed: the user id and a row count per kind of data.</summary>
public sealed record ErasureReport(string UserId, IReadOnlyDictionary<string, long> Removed)
{
    public long Total => Removed.Values.Sum();
}
