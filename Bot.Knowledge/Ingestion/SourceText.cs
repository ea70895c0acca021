using System.Text;

namespace Bot.Knowledge.Ingestion;

/// <summary>Turns a file's bytes into text, strictly: invalid UTF-8 (or binary data) is an error, never mojibake.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (with or without a BOM), UTF-16 with a BOM, or the declared <paramref name="charset"/>.</summary>
    public static string Decode(string source, ReadOnlySpan<byte> bytes, string? charset = null)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Strict(source, bytes[3..], StrictUtf8);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Strict(source, bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true));
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Strict(source, bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true));
        }
        else
        {
            text = Strict(source, bytes, EncodingFor(source, charset));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new IngestionException(IngestError.InvalidEncoding,
                $"'{source}' contains NUL characters: it looks like a binary file, not text.");
        }
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    private static Encoding EncodingFor(string source, string? charset)
    {
        var name = charset?.Trim().Trim('"').ToLowerInvariant();
        return name switch
        {
            null or "" or "utf-8" or "utf8" or "us-ascii" or "ascii" => StrictUtf8,
            "iso-8859-1" or "latin1" or "latin-1" => Encoding.Latin1,
            _ => throw new IngestionException(IngestError.InvalidEncoding,
                $"'{source}' declares charset '{charset}'; only UTF-8, UTF-16 (with a BOM) and ISO-8859-1 are read. Save it as UTF-8."),
        };
    }

    private static string Strict(string source, ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new IngestionException(IngestError.InvalidEncoding,
                $"'{source}' is not valid {encoding.WebName} (bad bytes at offset {ex.Index}). Save it as UTF-8.", ex);
        }
    }
}
