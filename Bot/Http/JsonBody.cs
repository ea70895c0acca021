using System.Text.Json;
using Bot.Core.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Http;

/// <summary>
/// Reads a JSON request body under a size limit, turning every way a client can get it wrong into a problem
/// response (400 malformed, 413 too large, 415 not JSON) instead of an exception.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, long maxBytes, bool allowEmpty, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return allowEmpty ? (null, null) : (null, ApiProblem.BadArgument("The request body is empty; a JSON object is expected."));
        }
        if (!IsJson(request.ContentType))
        {
            return (null, ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "BadArgument",
                $"Content type '{request.ContentType}' is not supported; send application/json."));
        }

        try
        {
            var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            JsonNulEscapes.Replace(json.Span);
            var value = JsonSerializer.Deserialize<T>(json.Span, BotJson.Options);
            return value is null
                ? (null, ApiProblem.BadArgument("The request body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblem.BadArgument($"The request body is not valid JSON: {ex.Message}"));
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The request body is larger than {maxBytes} bytes.");
}
