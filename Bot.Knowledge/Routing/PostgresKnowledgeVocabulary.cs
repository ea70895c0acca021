using System.Diagnostics;
using Bot.Knowledge.Learning;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bot.Knowledge.Routing;

/// <summary>
/// <see cref="IKnowledgeVocabulary"/> over <c>kb_chunks</c>: every chunk's terms (<see cref="QuestionTerms"/>, the same
/// stemming as the message) counted once per document, held in memory and reloaded when the chunks change (checked at
/// most every <see cref="RefreshInterval"/>).
/// </summary>
public sealed class PostgresKnowledgeVocabulary(NpgsqlDataSource dataSource, ILogger<PostgresKnowledgeVocabulary> logger) : IKnowledgeVocabulary, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private Vocabulary? _vocabulary;
    private long _checkedAt;

    /// <inheritdoc/>
    public async Task<double> CoverageAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = QuestionTerms.Of(text.Length <= 2000 ? text : text[..2000]);
        if (terms.Length == 0)
        {
            return 0;
        }
        var vocabulary = await CurrentAsync(cancellationToken);
        if (vocabulary.Documents == 0)
        {
            return 0;
        }
        double known = 0, total = 0;
        foreach (var term in terms)
        {
            var frequency = vocabulary.DocumentFrequency.GetValueOrDefault(term);
            var weight = Math.Log(1 + vocabulary.Documents / (1.0 + frequency));
            total += weight;
            if (frequency > 0)
            {
                known += weight;
            }
        }
        return total == 0 ? 0 : Math.Round(known / total, 4);
    }

    private async Task<Vocabulary> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _vocabulary);
        var checkedAt = Volatile.Read(ref _checkedAt);
        if (current is not null && checkedAt != 0 && Stopwatch.GetElapsedTime(checkedAt) < RefreshInterval)
        {
            return current;
        }
        await _reload.WaitAsync(cancellationToken);
        try
        {
            current = Volatile.Read(ref _vocabulary);
            checkedAt = Volatile.Read(ref _checkedAt);
            if (current is not null && checkedAt != 0 && Stopwatch.GetElapsedTime(checkedAt) < RefreshInterval)
            {
                return current;
            }
            var version = await VersionAsync(cancellationToken);
            if (current is null || current.Version != version)
            {
                current = await LoadAsync(version, cancellationToken);
                Volatile.Write(ref _vocabulary, current);
            }
            Volatile.Write(ref _checkedAt, Stopwatch.GetTimestamp());
            return current;
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*)::text || '/' || coalesce(max(id), 0)::text || '/' || coalesce(sum(length(content)), 0)::text FROM kb_chunks");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<Vocabulary> LoadAsync(string version, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var byDocument = new Dictionary<long, HashSet<string>>();
        await using (var command = dataSource.CreateCommand("SELECT document_id, title, heading, content FROM kb_chunks"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!byDocument.TryGetValue(id, out var terms))
                {
                    byDocument[id] = terms = new HashSet<string>(StringComparer.Ordinal);
                }
                terms.UnionWith(QuestionTerms.Of(reader.GetString(1) + "\n" + reader.GetString(2) + "\n" + reader.GetString(3)));
            }
        }
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in byDocument.Values.SelectMany(t => t))
        {
            frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }
        logger.LogDebug("Knowledge vocabulary: {Terms} terms from {Documents} documents in {Milliseconds} ms",
            frequency.Count, byDocument.Count, clock.ElapsedMilliseconds);
        return new Vocabulary(version, byDocument.Count, frequency);
    }

    public void Dispose() => _reload.Dispose();

    private sealed record Vocabulary(string Version, int Documents, Dictionary<string, int> DocumentFrequency);
}
