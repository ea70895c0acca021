using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Ingestion;

/// <summary>Knowledge-base ingestion settings (section <c>Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// A file or folder (searched recursively) loaded at start-up when the knowledge base is empty; relative paths are
    /// resolved against the content root. Kept for a single path; <see cref="SeedPaths"/> takes several.
    /// </summary>
    public string? SeedPath { get; set; }

    /// <summary>More files or folders to seed, each ingested like <c>kb ingest &lt;path&gt;</c>.</summary>
    public IList<string> SeedPaths { get; } = [];

    /// <summary>Largest file (or fetched page) accepted, in bytes; larger ones fail as "too large".</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest admin upload request (all files of one <c>POST /api/kb/documents</c>), in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest chunk, in tokens of the chunking tokenizer (o200k_base).</summary>
    [Range(32, 4096)]
    public int MaxChunkTokens { get; set; } = 220;

    /// <summary>Most tokens a chunk repeats from the end of the one before it.</summary>
    [Range(0, 1024)]
    public int ChunkOverlapTokens { get; set; } = 40;

    /// <summary>Chunk texts sent to the embedding generator per call.</summary>
    [Range(1, 4096)]
    public int EmbeddingBatchSize { get; set; } = 128;

    /// <summary>Most pages followed from one sitemap (nested sitemaps included).</summary>
    [Range(1, 100_000)]
    public int MaxSitemapPages { get; set; } = 500;

    /// <summary>Timeout of one HTTP fetch when ingesting a URL or sitemap.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
