namespace Bot.Knowledge.Search;

/// <summary>What to look for: the text, how many passages, and the route's category as a soft preference.</summary>
public sealed record KnowledgeQuery(string Text, int Limit = 5, string? PreferredCategory = null);
