namespace Bot.Knowledge.Routing;

/// <summary>A page of examples, the id to continue after (null on the last page), and per-route counts of the whole table.</summary>
public sealed record RouterExamplePage(IReadOnlyList<StoredRouterExample> Items, long? Next, IReadOnlyDictionary<string, long> Routes, long Total);
