namespace Bot.Knowledge.Ingestion;

/// <summary>
/// The documents parsed from one source (a file, a page): the unit written in one transaction. Documents stored earlier
/// under <c>Source#...</c> (rows of an FAQ file) that the group no longer has are deleted with it.
/// </summary>
public sealed record DocumentGroup(string Source, IReadOnlyList<KnowledgeDocument> Documents);
