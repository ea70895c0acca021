namespace Bot.Knowledge.Search;

/// <summary>
/// What to look for: the text, how many passages, the route's category as a soft preference, at most how many
/// passages of one document (null: <see cref="SearchOptions.MaxChunksPerDocument"/>), and a category as a filter (only
/// its passages; null: all).
/// </summary>
public sealed record KnowledgeQuery(
    string Text, int Limit = 5, string? PreferredCategory = null, int? MaxPerDocument = null, string? Category = null);
