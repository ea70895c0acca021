namespace Bot.Knowledge.Routing;

/// <summary>Everything the router learns from at one moment: the examples (with vectors), the routes, and the version read.</summary>
public sealed record RouterExampleSet(IReadOnlyList<StoredRouterExample> Examples, IReadOnlyList<RouterRoute> Routes, string Version, string Embedder);
