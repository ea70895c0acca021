using System.Text.Json;
using Bot.Core.Schema;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bot.DirectLine;

/// <summary>
/// Reads an <c>upload</c> body the two ways the real service accepts: <c>multipart/form-data</c> (what DirectLineJS
/// and Web Chat send: an <c>activity</c> part of type <c>application/vnd.microsoft.activity</c> and one <c>file</c>
/// part per file), or a single file as the raw body with its name in <c>Content-Disposition</c>.
/// Size limits are enforced while reading; every failure is a problem response.
/// </summary>
public static class UploadReader
{
    public const string ActivityContentType = "application/vnd.microsoft.activity";
    private const string DefaultContentType = "application/octet-stream";

    public static async Task<(UploadRequest? Upload, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, DirectLineOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        // Room for the activity part and the multipart framing on top of the files themselves.
        if (request.ContentLength > options.MaxUploadBytes + options.MaxActivityBytes + 64 * 1024)
        {
            return (null, TooLarge(options.MaxUploadBytes));
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return (null, ApiProblem.BadArgument("Send the files as multipart/form-data, or one file with its Content-Type."));
        }
        try
        {
            return mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await ReadMultipartAsync(request, mediaType, options, cancellationToken)
                : await ReadSingleFileAsync(request, mediaType, options, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return (null, ApiProblem.BadArgument($"The upload is not well-formed multipart data: {ex.Message}"));
        }
    }

    private static async Task<(UploadRequest?, ProblemHttpResult?)> ReadMultipartAsync(
        HttpRequest request, MediaTypeHeaderValue mediaType, DirectLineOptions options, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, ApiProblem.BadArgument("The multipart Content-Type has no boundary."));
        }
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        Activity? template = null;
        var files = new List<UploadedFile>();
        var budget = options.MaxUploadBytes;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsed) ? parsed : null;
            var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
            if (name == "activity" || IsActivityType(section.ContentType))
            {
                var json = await ReadLimitedAsync(section.Body, options.MaxActivityBytes, cancellationToken);
                if (json is null)
                {
                    return (null, TooLarge(options.MaxActivityBytes));
                }
                try
                {
                    JsonNulEscapes.Replace(json);
                    template = JsonSerializer.Deserialize<Activity>(json, BotJson.Options);
                }
                catch (JsonException ex)
                {
                    return (null, ApiProblem.BadArgument($"The activity part is not valid JSON: {ex.Message}"));
                }
                continue;
            }

            var content = await ReadLimitedAsync(section.Body, budget, cancellationToken);
            if (content is null)
            {
                return (null, TooLarge(options.MaxUploadBytes));
            }
            budget -= content.Length;
            var fileName = FileName(disposition);
            if (fileName is null && name != "file")
            {
                continue; // a form field that is neither the activity nor a file
            }
            files.Add(new UploadedFile(fileName ?? "file", ContentTypeOf(section.ContentType), content));
            if (files.Count > options.MaxUploadFiles)
            {
                return (null, ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"At most {options.MaxUploadFiles} files can be uploaded at once."));
            }
        }
        return files.Count == 0
            ? (null, ApiProblem.BadArgument("The upload has no file part."))
            : (new UploadRequest(template, files), null);
    }

    private static async Task<(UploadRequest?, ProblemHttpResult?)> ReadSingleFileAsync(
        HttpRequest request, MediaTypeHeaderValue mediaType, DirectLineOptions options, CancellationToken cancellationToken)
    {
        var content = await ReadLimitedAsync(request.Body, options.MaxUploadBytes, cancellationToken);
        if (content is null)
        {
            return (null, TooLarge(options.MaxUploadBytes));
        }
        if (content.Length == 0)
        {
            return (null, ApiProblem.BadArgument("The upload is empty."));
        }
        var disposition = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var parsed) ? parsed : null;
        var file = new UploadedFile(FileName(disposition) ?? "file", ContentTypeOf(mediaType.ToString()), content);
        return (new UploadRequest(null, [file]), null);
    }

    /// <summary>The stream's bytes, or null when there are more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsActivityType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals(ActivityContentType, StringComparison.OrdinalIgnoreCase);

    private static string ContentTypeOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.HasValue ? type.ToString() : DefaultContentType;

    /// <summary>The file name without any path a client put in it.</summary>
    private static string? FileName(ContentDispositionHeaderValue? disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).Value;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var name = raw.Replace('\\', '/').Split('/')[^1].Trim();
        return name.Length == 0 ? null : name[..Math.Min(name.Length, 255)];
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The upload is larger than {maxBytes} bytes.");
}
