using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Writes documents and their chunks. A content hash per document makes re-ingesting unchanged content write nothing.
/// Changed sources are replaced atomically: documents upserted (ids kept), old chunks deleted, new chunks bulk-loaded with
/// binary COPY (embedding included), FAQ rows a file no longer has deleted — for a whole batch of sources in one
/// transaction, or, when the database refuses one of them, source by source under savepoints, so searches never see
/// half a document and a bad source fails alone. Chunk texts are embedded in batches before the transaction opens;
/// without a registered embedding generator the <c>embedding</c> column stays NULL.
/// </summary>
public sealed partial class KnowledgeStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly int _batchSize;

    public KnowledgeStore(
        NpgsqlDataSource dataSource,
        IOptions<KnowledgeOptions> options,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _embeddings = embeddings;
        var settings = options.Value;
        _batchSize = settings.EmbeddingBatchSize;
        Chunker = new TextChunker(settings.MaxChunkTokens, settings.ChunkOverlapTokens);
    }

    public TextChunker Chunker { get; }

    /// <summary>Whether chunks get vectors (an embedding generator is registered).</summary>
    public bool Embeds => _embeddings is not null;

    /// <summary>
    /// The text embedded for a chunk: title, heading path and content on separate lines. The heading path usually starts
    /// with the article's H1, which is its title, so that part is not repeated. Re-embedding must use the same text.
    /// </summary>
    public static string EmbeddingText(string title, string heading, string content)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(heading);
        if (heading == title)
        {
            heading = "";
        }
        else if (title.Length > 0 && heading.StartsWith(title + " > ", StringComparison.Ordinal))
        {
            heading = heading[(title.Length + 3)..];
        }
        return string.Join('\n', new[] { title, heading, content }.Where(part => !string.IsNullOrWhiteSpace(part)));
    }

    /// <summary>Stores one document on its own (its source is its group); a database error is thrown.</summary>
    public async Task<IngestOutcome> UpsertAsync(KnowledgeDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var results = await StoreAsync([new DocumentGroup(document.Source, [document])], throwOnFailure: true, cancellationToken);
        return results[0].Single(r => r.Source == document.Source).Outcome;
    }

    /// <summary>
    /// Stores several groups (one commit for all, not one per file): embeds the chunks of every changed document in
    /// batches, then writes the changed groups. A group the database refuses is rolled back alone and its result is one
    /// <see cref="IngestOutcome.Failed"/> entry. Returns, per group, the outcome of each document (and of each deleted FAQ row).
    /// </summary>
    public Task<IReadOnlyList<IReadOnlyList<DocumentResult>>> StoreAsync(
        IReadOnlyList<DocumentGroup> groups, CancellationToken cancellationToken) =>
        StoreAsync(groups, throwOnFailure: false, cancellationToken);

    private async Task<IReadOnlyList<IReadOnlyList<DocumentResult>>> StoreAsync(
        IReadOnlyList<DocumentGroup> groups, bool throwOnFailure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var salt = Chunker.Signature;
        var plans = groups.Select(g => new GroupPlan(g, g.Documents.Select(d => new DocumentPlan(d, d.ContentHash(salt))).ToList())).ToList();

        var stored = await ReadStoredAsync(plans, cancellationToken);
        var toEmbed = new List<DocumentPlan>();
        foreach (var plan in plans)
        {
            foreach (var document in plan.Documents)
            {
                if (!stored.TryGetValue(document.Document.Source, out var existing) || existing.Hash != document.Hash)
                {
                    document.Chunks = Chunker.Chunk(document.Document);
                    toEmbed.Add(document);
                }
            }
        }
        await EmbedAsync(toEmbed, cancellationToken);

        var results = new IReadOnlyList<DocumentResult>[plans.Count];
        var writes = new List<int>();
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var family = stored.Values.Where(s => InGroup(plan, s.Source)).ToList();
            if (plan.Documents.All(d => d.Chunks is null) && family.All(s => plan.Documents.Any(d => d.Document.Source == s.Source)))
            {
                results[i] = plan.Documents.Select(d => Unchanged(d, stored[d.Document.Source])).ToList();
            }
            else
            {
                writes.Add(i);
            }
        }
        if (writes.Count == 0)
        {
            return results;
        }

        var written = await WriteAsync(writes.Select(i => plans[i]).ToList(), throwOnFailure, cancellationToken);
        for (var w = 0; w < writes.Count; w++)
        {
            results[writes[w]] = written[w];
        }
        return results;
    }

    /// <summary>
    /// Writes the changed groups. Fast path: all of them with a handful of set-based statements and one COPY in one
    /// transaction. When the database refuses something, that transaction is rolled back and the groups are written again
    /// one by one, each under its own savepoint, so only the group at fault fails.
    /// </summary>
    private async Task<List<IReadOnlyList<DocumentResult>>> WriteAsync(List<GroupPlan> plans, bool throwOnFailure, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (plans.Count > 1)
        {
            await using var batch = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var all = await WriteGroupsAsync(connection, batch, plans, cancellationToken);
                await batch.CommitAsync(cancellationToken);
                return all;
            }
            catch (PostgresException)
            {
                await batch.RollbackAsync(cancellationToken);
            }
        }

        var results = new List<IReadOnlyList<DocumentResult>>(plans.Count);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var plan in plans)
        {
            await transaction.SaveAsync("source", cancellationToken);
            try
            {
                results.AddRange(await WriteGroupsAsync(connection, transaction, [plan], cancellationToken));
                await transaction.ReleaseAsync("source", cancellationToken);
            }
            catch (PostgresException ex) when (!throwOnFailure)
            {
                await transaction.RollbackAsync("source", cancellationToken);
                results.Add([new DocumentResult(plan.Group.Source, IngestOutcome.Failed,
                    Error: $"'{plan.Group.Source}' could not be stored: {ex.MessageText}", ErrorKind: IngestError.StoreFailed)]);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<Dictionary<string, StoredDocument>> ReadStoredAsync(List<GroupPlan> plans, CancellationToken cancellationToken)
    {
        var sources = plans.SelectMany(p => p.Documents.Select(d => d.Document.Source)).Distinct(StringComparer.Ordinal).ToArray();
        // Only multi-row sources (FAQ files) can have rows to remove; looking for those needs a prefix scan.
        var rowPrefixes = plans.Where(p => p.HasRows).Select(p => p.Group.Source + SourceNames.RowSeparator).ToArray();
        var stored = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await ReadAsync("WHERE d.source = ANY($1)", sources);
        if (rowPrefixes.Length > 0)
        {
            await ReadAsync("WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS p(prefix) WHERE starts_with(d.source, p.prefix))", rowPrefixes);
        }
        return stored;

        async Task ReadAsync(string where, string[] values)
        {
            await using var command = new NpgsqlCommand($"""
                SELECT d.id, d.source, d.title, d.content_hash, (SELECT count(*) FROM kb_chunks c WHERE c.document_id = d.id)::int
                FROM kb_documents d {where}
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var document = new StoredDocument(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4));
                stored[document.Source] = document;
            }
        }
    }

    private async Task EmbedAsync(List<DocumentPlan> documents, CancellationToken cancellationToken)
    {
        if (_embeddings is null)
        {
            return;
        }
        var pending = documents.SelectMany(d => d.Chunks!.Select((chunk, index) => (Document: d, Index: index, Chunk: chunk))).ToList();
        foreach (var document in documents)
        {
            document.Vectors = new ReadOnlyMemory<float>[document.Chunks!.Count];
        }
        foreach (var batch in pending.Chunk(_batchSize))
        {
            var texts = batch.Select(b => EmbeddingText(b.Document.Document.Title, b.Chunk.Heading, b.Chunk.Content)).ToList();
            var vectors = await _embeddings.GenerateAsync(texts, cancellationToken: cancellationToken);
            if (vectors.Count != texts.Count)
            {
                throw new InvalidOperationException($"The embedding generator returned {vectors.Count} vectors for {texts.Count} texts.");
            }
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i].Document.Vectors![batch[i].Index] = vectors[i].Vector;
            }
        }
    }

    /// <summary>Replaces the groups' documents within the caller's transaction; returns each group's results.</summary>
    private async Task<List<IReadOnlyList<DocumentResult>>> WriteGroupsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<GroupPlan> plans, CancellationToken cancellationToken)
    {
        // Lock what is stored now (in id order, like every writer): another writer may have changed it since the read.
        var rowPrefixes = plans.Where(p => p.HasRows).Select(p => p.Group.Source + SourceNames.RowSeparator).ToArray();
        var current = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand(
            "SELECT id, source, title, content_hash FROM kb_documents WHERE source = ANY($1) " +
            (rowPrefixes.Length > 0 ? "OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS p(prefix) WHERE starts_with(source, p.prefix)) " : "") +
            "ORDER BY id FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = plans.SelectMany(p => p.Documents.Select(d => d.Document.Source)).ToArray() });
            if (rowPrefixes.Length > 0)
            {
                select.Parameters.Add(new NpgsqlParameter { Value = rowPrefixes });
            }
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                current[reader.GetString(1)] = new StoredDocument(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), 0);
            }
        }

        var results = plans.Select(_ => new List<DocumentResult>()).ToList();
        var changed = new List<(int Group, DocumentPlan Document)>();
        var stale = new List<(int Group, StoredDocument Document)>();
        for (var g = 0; g < plans.Count; g++)
        {
            foreach (var document in plans[g].Documents)
            {
                if (current.TryGetValue(document.Document.Source, out var existing) && existing.Hash == document.Hash)
                {
                    results[g].Add(Unchanged(document, existing));
                    continue;
                }
                if (document.Chunks is null)
                {
                    document.Chunks = Chunker.Chunk(document.Document);
                    await EmbedAsync([document], cancellationToken);
                }
                changed.Add((g, document));
            }
            var plan = plans[g];
            stale.AddRange(current.Values
                .Where(s => InGroup(plan, s.Source) && plan.Documents.All(d => d.Document.Source != s.Source))
                .Select(s => (g, s)));
        }

        if (changed.Count > 0)
        {
            var documents = changed.Select(c => c.Document).ToList();
            var ids = await UpsertDocumentsAsync(connection, transaction, documents, cancellationToken);
            await using (var clear = new NpgsqlCommand("DELETE FROM kb_chunks WHERE document_id = ANY($1)", connection, transaction))
            {
                clear.Parameters.Add(new NpgsqlParameter { Value = ids.Values.Where(v => !v.Inserted).Select(v => v.Id).ToArray() });
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }
            await CopyChunksAsync(connection, documents, ids, cancellationToken);
            foreach (var (g, document) in changed)
            {
                var (id, inserted) = ids[document.Document.Source];
                results[g].Add(new DocumentResult(document.Document.Source, inserted ? IngestOutcome.Created : IngestOutcome.Updated,
                    id, document.Document.Title, document.Chunks!.Count));
            }
        }

        if (stale.Count > 0)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM kb_documents WHERE id = ANY($1)", connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter { Value = stale.Select(s => s.Document.Id).Distinct().ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
            foreach (var (g, document) in stale)
            {
                results[g].Add(new DocumentResult(document.Source, IngestOutcome.Deleted, document.Id, document.Title));
            }
        }
        return results.Select(r => (IReadOnlyList<DocumentResult>)r).ToList();
    }

    private static async Task<Dictionary<string, (long Id, bool Inserted)>> UpsertDocumentsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<DocumentPlan> documents, CancellationToken cancellationToken)
    {
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO kb_documents (source, title, url, category, content_hash)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
            ON CONFLICT (source) DO UPDATE
                SET title = excluded.title, url = excluded.url, category = excluded.category,
                    content_hash = excluded.content_hash, updated_at = now()
            RETURNING id, source, (xmax = 0) AS inserted
            """, connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Document.Source).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Document.Title).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Document.Url).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Document.Category).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = documents.Select(d => d.Hash).ToArray() });
        var ids = new Dictionary<string, (long, bool)>(StringComparer.Ordinal);
        await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(1)] = (reader.GetInt64(0), reader.GetBoolean(2));
        }
        return ids;
    }

    private static async Task CopyChunksAsync(
        NpgsqlConnection connection, List<DocumentPlan> documents, Dictionary<string, (long Id, bool Inserted)> ids, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY kb_chunks (document_id, ordinal, title, heading, content, category, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var document in documents)
        {
            var id = ids[document.Document.Source].Id;
            var source = document.Document;
            foreach (var chunk in document.Chunks!)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(chunk.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(source.Title, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(chunk.Heading, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(chunk.Content, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, source.Category, cancellationToken);
                if (document.Vectors is { } vectors)
                {
                    await writer.WriteAsync(new Vector(vectors[chunk.Ordinal]), "vector", cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static DocumentResult Unchanged(DocumentPlan document, StoredDocument stored) =>
        new(document.Document.Source, IngestOutcome.Unchanged, stored.Id, document.Document.Title, stored.ChunkCount == 0 ? null : stored.ChunkCount);

    private static bool InGroup(GroupPlan plan, string source) =>
        plan.Documents.Any(d => d.Document.Source == source)
        || (plan.HasRows && source.StartsWith(plan.Group.Source + SourceNames.RowSeparator, StringComparison.Ordinal));


    private sealed record StoredDocument(long Id, string Source, string Title, string Hash, int ChunkCount);

    private sealed class GroupPlan(DocumentGroup group, List<DocumentPlan> documents)
    {
        public DocumentGroup Group { get; } = group;

        public List<DocumentPlan> Documents { get; } = documents;

        public bool HasRows { get; } = documents.Any(d => d.Document.Source.StartsWith(group.Source + SourceNames.RowSeparator, StringComparison.Ordinal));
    }

    private sealed class DocumentPlan(KnowledgeDocument document, string hash)
    {
        public KnowledgeDocument Document { get; } = document;

        public string Hash { get; } = hash;

        public IReadOnlyList<KnowledgeChunk>? Chunks { get; set; }

        public ReadOnlyMemory<float>[]? Vectors { get; set; }
    }
}
