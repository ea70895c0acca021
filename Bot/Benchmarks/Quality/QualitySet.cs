namespace Bot.Benchmarks.Quality;

/// <summary>
/// A labelled retrieval set: the files that make its knowledge base, and questions each naming the documents (by key)
/// that answer it. <see cref="DocumentKey"/> turns a stored document (url, source) into the key the labels use.
/// </summary>
public sealed record QualitySet(
    string Name,
    IReadOnlyList<string> KnowledgePaths,
    IReadOnlyList<LabelledQuestion> Questions,
    Func<string?, string, string> DocumentKey);

/// <summary>A question and the keys of the documents that answer it.</summary>
public sealed record LabelledQuestion(string Text, IReadOnlySet<string> Answers);
