namespace Bot.Knowledge;

/// <summary>
/// PostgreSQL <c>text</c> cannot hold U+0000. A NUL that reached the application some other way than inbound JSON
/// (which <c>JsonNulEscapes</c> already cleans) becomes the replacement character the same way: from a query string,
/// a SignalR argument, a <c>\u0000</c> escape in an FAQ JSON file or a PDF's text layer.
/// </summary>
public static class StorableText
{
    public static string Clean(string text) => text.Replace('\0', '\uFFFD');

    public static string? CleanOrNull(string? text) => text?.Replace('\0', '\uFFFD');
}
