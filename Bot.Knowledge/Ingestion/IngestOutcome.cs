namespace Bot.Knowledge.Ingestion;

/// <summary>What ingesting a document did.</summary>
public enum IngestOutcome
{
    /// <summary>A new document was stored.</summary>
    Created,

    /// <summary>The document's content changed; its chunks were replaced.</summary>
    Updated,

    /// <summary>Same content hash as stored: nothing was written.</summary>
    Unchanged,

    /// <summary>The source could not be read or parsed; nothing was written for it.</summary>
    Failed,

    /// <summary>A document that the source no longer contains (an FAQ row removed from its file) was deleted.</summary>
    Deleted,
}
