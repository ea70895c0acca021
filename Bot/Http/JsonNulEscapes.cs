namespace Bot.Http;

/// <summary>
/// PostgreSQL cannot store U+0000 in <c>jsonb</c> (or <c>text</c>), so a client message carrying <c>\u0000</c> would fail
/// deep in the transcript store. Inbound JSON gets each such escape replaced by U+FFFD (the replacement character) before
/// it is read; an escaped backslash followed by <c>u0000</c> is text and stays as it is.
/// </summary>
public static class JsonNulEscapes
{
    private static readonly byte[] Replacement = "\\uFFFD"u8.ToArray();

    /// <summary>Replaces the <c>\u0000</c> escapes of a UTF-8 JSON document in place (same length).</summary>
    public static void Replace(Span<byte> json)
    {
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != (byte)'\\')
            {
                continue;
            }
            if (json[i + 1] == (byte)'u' && i + 5 < json.Length && json.Slice(i + 2, 4).SequenceEqual("0000"u8))
            {
                Replacement.CopyTo(json[i..]);
                i += 5;
            }
            else
            {
                i++; // the escaped character, whatever it is (\\ included), is not the start of an escape
            }
        }
    }
}
