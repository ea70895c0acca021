using System.Globalization;
using System.Text;

namespace Bot.Knowledge.Ingestion;

/// <summary>Names derived from a document's source: a fallback title, slugs for FAQ rows, source families.</summary>
public static class SourceNames
{
    /// <summary>The separator between a file's source and the key of one of its rows (<c>faq.csv#reset-password</c>).</summary>
    public const char RowSeparator = '#';

    /// <summary>A title for a document that has none: the file name (or the URL's last segment) without extension.</summary>
    public static string FallbackTitle(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsolutePath.TrimEnd('/')
            : source;
        var name = Path.GetFileNameWithoutExtension(path);
        return string.IsNullOrWhiteSpace(name) ? source : name;
    }

    /// <summary>A lowercase ASCII slug of at most 80 characters (<c>"How do I reset it?"</c> → <c>how-do-i-reset-it</c>).</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= 80)
            {
                break;
            }
        }
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "item" : result;
    }
}
