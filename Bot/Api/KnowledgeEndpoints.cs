using System.Text.Json.Serialization;
using Bot.Auth;
using Bot.Http;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Search;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bot.Api;

/// <summary>The knowledge-base admin API under <c>/api/kb</c>: upload, list, read and delete documents; search.</summary>
public static class KnowledgeEndpoints
{
    private const string FilesField = "files";
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const int MaxCategoryLength = 100;

    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kb").WithTags("Knowledge base").RequireAuthorization(Policies.Admin);
        group.MapGet("/search", SearchAsync).WithName("SearchKnowledgeBase").WithSummary("Ranked passages for a question (category: only that category's).");
        group.MapPost("/documents", UploadAsync).WithName("UploadKnowledgeDocuments")
            .WithSummary("Adds or replaces documents from uploaded files (multipart field 'files').")
            .DisableAntiforgery();
        group.MapGet("/categories", CategoriesAsync).WithName("ListKnowledgeCategories").WithSummary("The documents' categories, with how many documents each.");
        group.MapGet("/documents", ListAsync).WithName("ListKnowledgeDocuments").WithSummary("Documents newest first, paged by id (after = the previous page's next).");
        group.MapGet("/documents/{id:long}", GetAsync).WithName("GetKnowledgeDocument").WithSummary("A document with its chunks.");
        group.MapDelete("/documents/{id:long}", DeleteAsync).WithName("DeleteKnowledgeDocument").WithSummary("Deletes a document and its chunks.");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        string? q, int? k, string? category, IKnowledgeSearch search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblem.BadArgument("Give a question in the q parameter.");
        }
        if (k is < 1 or > 50)
        {
            return ApiProblem.BadArgument("k must be between 1 and 50.");
        }
        if (category is { Length: > MaxCategoryLength })
        {
            return ApiProblem.BadArgument($"category must be at most {MaxCategoryLength} characters.");
        }
        var filter = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        var hits = await search.SearchAsync(new KnowledgeQuery(q, k ?? 5, Category: filter), cancellationToken);
        return TypedResults.Ok(new SearchResponse(hits.Select(h => new SearchResult(
            h.DocumentId, h.ChunkId, h.Title, h.Url, PassageSnippet.Of(h.Content, 300), h.Score, h.VectorScore, h.TextScore, h.Category)).ToList()));
    }

    /// <summary>
    /// Each file is parsed and stored on its own (one transaction): a bad file gets a problem entry and writes nothing,
    /// the others are stored. 201 when at least one file was good; when every file is bad, the response is the problem.
    /// </summary>
    private static async Task<Results<Created<UploadResponse>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, IOptions<KnowledgeOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!request.HasFormContentType || request.ContentType?.Contains("multipart/", StringComparison.OrdinalIgnoreCase) != true)
        {
            return ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                $"Send the files as multipart/form-data in the field '{FilesField}'.");
        }
        if (request.ContentLength > settings.MaxUploadBytes)
        {
            return UploadTooLarge(settings.MaxUploadBytes);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = settings.MaxUploadBytes;
        }
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = settings.MaxUploadBytes,
            BufferBodyLengthLimit = settings.MaxUploadBytes,
        }));

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return UploadTooLarge(settings.MaxUploadBytes);
        }
        catch (InvalidDataException ex)
        {
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? UploadTooLarge(settings.MaxUploadBytes)
                : ApiProblem.BadArgument($"The multipart body could not be read: {ex.Message}");
        }

        var uploads = form.Files.GetFiles(FilesField);
        if (uploads.Count == 0)
        {
            return ApiProblem.BadArgument($"Send one or more files in the multipart field '{FilesField}'.");
        }

        var entries = new FileEntry?[uploads.Count];
        var readable = new List<(int Index, SourceFile File)>();
        for (var i = 0; i < uploads.Count; i++)
        {
            var upload = uploads[i];
            var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
            if (string.IsNullOrWhiteSpace(name))
            {
                entries[i] = new FileEntry(upload.FileName, null, Problem(IngestError.Malformed, "Every file needs a file name."));
                continue;
            }
            if (upload.Length > settings.MaxFileBytes)
            {
                entries[i] = new FileEntry(name, null, Problem(IngestError.TooLarge,
                    $"'{name}' is {upload.Length} bytes; the limit is {settings.MaxFileBytes} bytes (Knowledge:MaxFileBytes)."));
                continue;
            }
            using var buffer = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(buffer, cancellationToken);
            readable.Add((i, new SourceFile(name, buffer.ToArray(), upload.ContentType)));
        }

        var ingestor = ActivatorUtilities.GetServiceOrCreateInstance<KnowledgeIngestor>(services);
        var results = await ingestor.IngestFilesAsync(readable.Select(r => r.File).ToList(), null, cancellationToken);
        for (var i = 0; i < readable.Count; i++)
        {
            var result = results[i];
            entries[readable[i].Index] = result.Failed
                ? new FileEntry(readable[i].File.Source, null, Problem(result.ErrorKind!.Value, result.Error!))
                : new FileEntry(readable[i].File.Source, result.Documents.Select(DocumentEntry.From).ToList(), null);
        }

        var files = entries.Select(e => e!).ToList();
        if (files.All(f => f.Problem is not null))
        {
            return AllFailed(files);
        }
        var documents = files.Where(f => f.Documents is not null).SelectMany(f => f.Documents!).ToList();
        return TypedResults.Created("/api/kb/documents", new UploadResponse(
            files,
            documents.Count(d => d.Outcome == "created"),
            documents.Count(d => d.Outcome == "updated"),
            documents.Count(d => d.Outcome == "unchanged"),
            documents.Count(d => d.Outcome == "deleted"),
            files.Count(f => f.Problem is not null)));
    }

    private static async Task<Results<Ok<DocumentListResponse>, ProblemHttpResult>> ListAsync(
        long? after, int? limit, KnowledgeStore store, CancellationToken cancellationToken)
    {
        if (after is < 1)
        {
            return ApiProblem.BadArgument("after must be a document id (1 or more): the previous page's next.");
        }
        if (limit is < 1 or > MaxPageSize)
        {
            return ApiProblem.BadArgument($"limit must be between 1 and {MaxPageSize}.");
        }
        var page = await store.ListAsync(after, limit ?? DefaultPageSize, cancellationToken);
        return TypedResults.Ok(new DocumentListResponse(page.Items, page.Next));
    }

    private static async Task<Ok<CategoryListResponse>> CategoriesAsync(KnowledgeStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CategoryListResponse(await store.CategoriesAsync(cancellationToken)));

    private static async Task<Results<Ok<KnowledgeDocumentDetails>, ProblemHttpResult>> GetAsync(
        long id, KnowledgeStore store, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(id, cancellationToken);
        return document is null ? ApiProblem.NotFound($"There is no document {id}.") : TypedResults.Ok(document);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, KnowledgeStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblem.NotFound($"There is no document {id}.");

    private static ProblemHttpResult AllFailed(List<FileEntry> files)
    {
        var statuses = files.Select(f => f.Problem!.Status ?? 400).Distinct().ToList();
        var status = statuses.Count == 1 ? statuses[0] : StatusCodes.Status400BadRequest;
        var first = files[0].Problem!;
        var detail = files.Count == 1 ? first.Detail! : $"None of the {files.Count} files could be ingested: " +
            string.Join(" ", files.Select(f => f.Problem!.Detail));
        var result = ApiProblem.Create(status, files.Count == 1 ? ErrorCode(first) : "BadArgument", detail);
        result.ProblemDetails.Extensions["files"] = files;
        return result;
    }

    private static string ErrorCode(ProblemDetails problem) =>
        problem.Extensions.TryGetValue("error", out var error) && error is ErrorBody body ? body.Code : "BadArgument";

    private static ProblemDetails Problem(IngestError error, string message)
    {
        var (status, code) = error switch
        {
            IngestError.UnsupportedType => (StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType"),
            IngestError.Empty => (StatusCodes.Status400BadRequest, "EmptyFile"),
            IngestError.TooLarge => (StatusCodes.Status413PayloadTooLarge, "FileTooLarge"),
            IngestError.InvalidEncoding => (StatusCodes.Status400BadRequest, "InvalidEncoding"),
            IngestError.FetchFailed => (StatusCodes.Status502BadGateway, "FetchFailed"),
            IngestError.StoreFailed => (StatusCodes.Status500InternalServerError, "StoreFailed"),
            _ => (StatusCodes.Status400BadRequest, "MalformedFile"),
        };
        var problem = ApiProblem.Create(status, code, message).ProblemDetails;
        problem.Extensions["error"] = new ErrorBody(code, message);
        return problem;
    }

    private static ProblemHttpResult UploadTooLarge(long max) => ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
        $"The upload is larger than {max} bytes (Knowledge:MaxUploadBytes); send fewer files per request.");

    public sealed record SearchResponse(IReadOnlyList<SearchResult> Results);

    public sealed record CategoryListResponse(IReadOnlyList<KnowledgeCategory> Categories);

    public sealed record SearchResult(
        long DocumentId, long ChunkId, string Title, string? Url, string Snippet, double Score, double VectorScore, double TextScore, string? Category);

    /// <summary>Per file, in request order: its documents' outcomes, or the problem that kept it out.</summary>
    public sealed record UploadResponse(IReadOnlyList<FileEntry> Files, int Created, int Updated, int Unchanged, int Deleted, int Failed);

    public sealed record FileEntry(string Name, IReadOnlyList<DocumentEntry>? Documents, ProblemDetails? Problem);

    public sealed record DocumentEntry(long? Id, string Source, string? Title, string Outcome, int? Chunks)
    {
        public static DocumentEntry From(DocumentResult result) =>
            new(result.Id, result.Source, result.Title, result.Outcome.ToString().ToLowerInvariant(), result.Chunks);
    }

    /// <summary>A page of documents; <c>next</c> (null on the last page) is the <c>after</c> of the next one.</summary>
    public sealed record DocumentListResponse(
        IReadOnlyList<KnowledgeDocumentSummary> Items,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Next);

    public sealed record ErrorBody(string Code, string Message);
}
