namespace Bot.Knowledge.Search;

/// <summary>
/// What to look for: the text, how many passages, the route's category as a soft preference, and at most how many
/// passages of one document (null: <see cref="SearchOptions.MaxChunksPerDocument"/>).
/// </summary>
public sealed record KnowledgeQuery(string Text, int Limit = 5, string? PreferredCategory = null, int? MaxPerDocument = null);
