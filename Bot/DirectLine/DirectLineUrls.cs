using System.Globalization;
using Bot.Knowledge.Transcripts;

namespace Bot.DirectLine;

/// <summary>The absolute URLs the channel hands out, built from the request the client made (its scheme and host).</summary>
public static class DirectLineUrls
{
    public const string BasePath = "/v3/directline";

    /// <summary>The <c>serviceUrl</c> stamped on activities: the host's base.</summary>
    public static string ServiceUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }

    /// <summary>A <c>ws(s)://</c> stream URL carrying its own short-lived token, as DirectLineJS uses it verbatim.</summary>
    public static string StreamUrl(HttpRequest request, DirectLineTokens tokens, ConversationRecord conversation, long afterSeq)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(conversation);
        var scheme = request.IsHttps ? "wss" : "ws";
        var watermark = afterSeq >= 0 ? afterSeq.ToString(CultureInfo.InvariantCulture) : "-1";
        var token = Uri.EscapeDataString(tokens.CreateStreamToken(conversation.Id, conversation.UserId));
        return $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?watermark={watermark}&t={token}";
    }

    /// <summary>Where an uploaded file is served: the unguessable attachment id is the only credential.</summary>
    public static string AttachmentUrl(HttpRequest request, string attachmentId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}/attachments/{Uri.EscapeDataString(attachmentId)}";
    }
}
