using System.Text;
using System.Text.Json.Serialization;
using Bot.Auth;
using Bot.Http;
using Bot.Knowledge.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Api;

/// <summary>
/// The router's examples under <c>/api/router</c> (admin): upload a CSV of labelled utterances (<c>text,route[,intent]</c>,
/// or the Bitext layout with <c>?format=bitext</c>) and list them. The router uses new examples from the next message.
/// </summary>
public static class RouterEndpoints
{
    private const string FileField = "file";
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapRouterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/router").WithTags("Router").RequireAuthorization(Policies.Admin);
        group.MapPost("/examples", ImportAsync)
            .WithName("ImportRouterExamples")
            .WithSummary("Adds labelled examples from a CSV (text,route[,intent]) sent as text/csv or as the multipart field 'file'.")
            .DisableAntiforgery();
        group.MapGet("/examples", ListAsync)
            .WithName("ListRouterExamples")
            .WithSummary("Examples in id order (paged by id), with per-route counts.");
        return app;
    }

    private static async Task<Results<Created<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? format, IRouterExampleStore store, IOptions<RouterOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        RouterCsvFormat csvFormat;
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "router":
                csvFormat = RouterCsvFormat.Router;
                break;
            case "bitext":
                csvFormat = RouterCsvFormat.Bitext;
                break;
            default:
                return ApiProblem.BadArgument($"format must be 'router' (text,route[,intent]) or 'bitext', not '{format}'.");
        }
        if (request.ContentLength > settings.MaxImportBytes)
        {
            return TooLarge(settings.MaxImportBytes);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = settings.MaxImportBytes;
        }

        string csv;
        try
        {
            var read = await ReadCsvAsync(request, settings.MaxImportBytes, cancellationToken);
            if (read.Problem is not null)
            {
                return read.Problem;
            }
            csv = read.Csv!;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(settings.MaxImportBytes);
        }
        catch (InvalidDataException ex)
        {
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(settings.MaxImportBytes)
                : ApiProblem.BadArgument($"The body could not be read: {ex.Message}");
        }
        catch (DecoderFallbackException)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, "InvalidEncoding", "The CSV must be UTF-8 text.");
        }

        IReadOnlyList<RouterCsvRow> rows;
        try
        {
            rows = RouterExampleCsv.Parse(csv, "api", csvFormat, settings.MaxImportRows);
        }
        catch (RouterCsvException ex)
        {
            var problem = ApiProblem.Create(StatusCodes.Status400BadRequest, "MalformedFile", ex.Message);
            if (ex.Errors.Count > 0)
            {
                problem.ProblemDetails.Extensions["errors"] = ex.Errors;
            }
            return problem;
        }
        var result = await store.AddRangeAsync(rows.Select(r => r.Example).ToList(), cancellationToken);
        return TypedResults.Created("/api/router/examples", new ImportResponse(rows.Count, result.Added, result.Relabelled, result.NewRoutes));
    }

    private static async Task<Results<Ok<ExampleListResponse>, ProblemHttpResult>> ListAsync(
        string? route, long? after, int? limit, IRouterExampleStore store, CancellationToken cancellationToken)
    {
        if (after is < 0)
        {
            return ApiProblem.BadArgument("after must be an example id (0 or more).");
        }
        if (limit is < 1 or > MaxPageSize)
        {
            return ApiProblem.BadArgument($"limit must be between 1 and {MaxPageSize}.");
        }
        var filter = string.IsNullOrWhiteSpace(route) ? null : route.Trim().ToLowerInvariant();
        if (filter is not null && !RouterLabels.IsValidRoute(filter))
        {
            return ApiProblem.BadArgument("route must be a route name: 1 to 64 lower-case letters, digits, '_' or '-'.");
        }
        var page = await store.ListAsync(filter, after, limit ?? DefaultPageSize, cancellationToken);
        return TypedResults.Ok(new ExampleListResponse(
            page.Items.Select(e => new ExampleItem(e.Id, e.Text, e.Route, e.Intent, e.Source, e.CreatedAt)).ToList(),
            page.Next,
            page.Routes,
            page.Total));
    }

    private static async Task<(string? Csv, ProblemHttpResult? Problem)> ReadCsvAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        if (request.HasFormContentType)
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = maxBytes,
                BufferBodyLengthLimit = maxBytes,
            }));
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile(FileField) ?? (form.Files.Count == 1 ? form.Files[0] : null);
            if (file is null)
            {
                return (null, ApiProblem.BadArgument($"Send the CSV in the multipart field '{FileField}'."));
            }
            using var reader = new StreamReader(file.OpenReadStream(), utf8);
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("text/csv" or "text/plain" or "application/csv"))
        {
            return (null, ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                $"Send the CSV as text/csv, or as multipart/form-data in the field '{FileField}'."));
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        return (utf8.GetString(body.GetBuffer(), 0, (int)body.Length), null);
    }

    private static ProblemHttpResult TooLarge(long max) => ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
        $"The CSV is larger than {max} bytes (Router:MaxImportBytes).");

    /// <summary>How many rows were read, added and relabelled, and the routes the import created.</summary>
    public sealed record ImportResponse(int Rows, int Added, int Relabelled, IReadOnlyList<string> NewRoutes);

    public sealed record ExampleItem(long Id, string Text, string Route, string? Intent, string Source, DateTimeOffset CreatedAt);

    /// <summary>A page of examples; <c>next</c> (null on the last page) is the <c>after</c> of the next one.</summary>
    public sealed record ExampleListResponse(
        IReadOnlyList<ExampleItem> Items,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Next,
        IReadOnlyDictionary<string, long> Routes,
        long Total);
}
