using Bot.Core.Schema;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Bot.DirectLine;

/// <summary>
/// <c>POST conversations/{id}/upload?userId=</c> (files stored in PostgreSQL, the message that carries them goes
/// through the bot like any other) and <c>GET attachments/{attachmentId}</c> (the files served back).
/// </summary>
public static class DirectLineAttachmentEndpoints
{
    private static readonly string[] InlineTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"];

    public static RouteGroupBuilder MapDirectLineAttachments(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).WithName("DirectLineUpload").DisableAntiforgery();
        group.MapGet("/attachments/{attachmentId}", DownloadAsync).WithName("DirectLineAttachment");
        return group;
    }

    private static async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> UploadAsync(
        string conversationId, string? userId, HttpRequest request, DirectLineAccess access, DirectLineChannel channel, AttachmentStore store,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, caller, problem) = await access.AuthorizeAsync(conversationId, request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (upload, uploadProblem) = await UploadReader.ReadAsync(request, options.Value, cancellationToken);
        if (uploadProblem is not null)
        {
            return uploadProblem;
        }
        if (upload!.Template?.Type is { Length: > 0 } type && type != ActivityTypes.Message)
        {
            return ApiProblem.BadArgument($"Files travel on a message activity, not on '{type}'.");
        }

        // From here on the work completes even if the client goes away: the files and their message stay together.
        var sender = caller!.UserId ?? upload.Template?.From?.Id ?? userId ?? conversation!.UserId;
        var stored = new List<(UploadedFile File, string Url)>();
        var ids = new List<string>();
        foreach (var file in upload.Files)
        {
            var id = await store.SaveAsync(conversation!.Id, sender, file, CancellationToken.None);
            ids.Add(id);
            stored.Add((file, DirectLineUrls.AttachmentUrl(request, id)));
        }
        var activity = UploadActivity.Compose(upload.Template, stored);
        if (caller.IsSecret && activity.From?.Id is null && userId is not null)
        {
            activity.From = new ChannelAccount { Id = userId };
        }
        var result = await channel.PostAsync(conversation!, caller, activity, DirectLineUrls.ServiceUrl(request), CancellationToken.None);
        await store.LinkAsync(ids, result.Id, CancellationToken.None);
        return DirectLineEndpoints.ToResponse(result);
    }

    /// <summary>
    /// Anyone holding the URL may read the file (a browser shows an image without a token), so the id is random and
    /// long; the file is served as inert content: no sniffing, sandboxed, and only plain image types inline.
    /// </summary>
    private static async Task<IResult> DownloadAsync(string attachmentId, HttpResponse response, AttachmentStore store, CancellationToken cancellationToken)
    {
        var file = await store.FindAsync(attachmentId, cancellationToken);
        if (file is null)
        {
            return ApiProblem.NotFound("The attachment does not exist or has expired.");
        }
        var inline = MediaTypeHeaderValue.TryParse(file.ContentType, out var type)
            && InlineTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Name ?? "file");
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(file.Content, inline ? type!.ToString() : file.ContentType);
    }
}
