using System.Security.Cryptography;
using System.Text;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// A parsed source document, ready to be stored: where it came from (<see cref="Source"/>, unique in the knowledge base),
/// its metadata and its sections in order.
/// </summary>
public sealed record KnowledgeDocument(
    string Source,
    string Title,
    string? Url,
    string? Category,
    IReadOnlyList<KnowledgeSection> Sections)
{
    /// <summary>The document with every NUL a parser let through as U+FFFD (<see cref="StorableText"/>).</summary>
    public KnowledgeDocument Storable() => this with
    {
        Source = StorableText.Clean(Source),
        Title = StorableText.Clean(Title),
        Url = StorableText.CleanOrNull(Url),
        Category = StorableText.CleanOrNull(Category),
        Sections = Sections.Select(s => s with { Heading = StorableText.Clean(s.Heading), Content = StorableText.Clean(s.Content) }).ToList(),
    };

    /// <summary>
    /// SHA-256 over everything that ends up in the database (metadata and sections), salted with the chunker's settings so
    /// changing them re-chunks documents on the next ingest.
    /// </summary>
    public string ContentHash(string salt = "")
    {
        var text = new StringBuilder(salt)
            .Append('\u001d').Append(Title).Append('\u001f').Append(Url).Append('\u001f').Append(Category);
        foreach (var section in Sections)
        {
            text.Append('\u001e').Append(section.Heading).Append('\u001f').Append(section.KeepWhole ? '1' : '0')
                .Append('\u001f').Append(section.Content);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
