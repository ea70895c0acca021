namespace Bot.Knowledge.Routing;

/// <summary>What an import changed: examples added, examples whose labels were replaced, and routes created.</summary>
public sealed record RouterImportResult(int Added, int Relabelled, IReadOnlyList<string> NewRoutes);
