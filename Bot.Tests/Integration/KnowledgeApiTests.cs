using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>The real host with small upload limits, so the "too large" cases are cheap.</summary>
public sealed class KnowledgeApiHost : IAsyncLifetime
{
    public const int MaxFileBytes = 64 * 1024;
    public const int MaxUploadBytes = 256 * 1024;

    public BotHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.Settings["Knowledge:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Host.Settings["Knowledge:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The knowledge-base admin API: auth, uploads (good and bad files, nothing half-written), list, read, delete.</summary>
public sealed class KnowledgeApiTests(KnowledgeApiHost fixture) : IClassFixture<KnowledgeApiHost>
{
    private readonly HttpClient _http = Admin(fixture.Host.CreateClient());

    private TestDatabase Database => fixture.Host.Database;

    private static HttpClient Admin(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        return http;
    }

    private static MultipartFormDataContent Files(params (string Name, byte[] Bytes, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes, contentType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(part, "files", name);
        }
        return form;
    }

    private static (string, byte[], string) Text(string name, string text, string contentType = "text/markdown") =>
        (name, Encoding.UTF8.GetBytes(text), contentType);

    private Task<long> DocumentCount() => Database.CountAsync("SELECT count(*) FROM kb_documents");

    private Task<long> ChunkCount() => Database.CountAsync("SELECT count(*) FROM kb_chunks");

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response, status);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Fact]
    public async Task Every_endpoint_needs_the_admin_key()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var wrongKey = fixture.Host.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-admin-key-0000000000");
        var before = await DocumentCount();

        foreach (var client in new[] { anonymous, wrongKey })
        {
            using var upload = await client.PostAsync("api/kb/documents", Files(Text("auth.md", "# Auth\n\nShould not be stored.")));
            await Problem(upload, HttpStatusCode.Unauthorized);
            using var list = await client.GetAsync("api/kb/documents");
            await Problem(list, HttpStatusCode.Unauthorized);
            using var get = await client.GetAsync("api/kb/documents/1");
            await Problem(get, HttpStatusCode.Unauthorized);
            using var delete = await client.DeleteAsync("api/kb/documents/1");
            await Problem(delete, HttpStatusCode.Unauthorized);
            using var search = await client.GetAsync("api/kb/search?q=password");
            await Problem(search, HttpStatusCode.Unauthorized);
        }
        Assert.Equal(before, await DocumentCount());
    }

    [Fact]
    public async Task Uploaded_files_are_created_then_unchanged_then_updated()
    {
        var markdown = Text("api-upload.md", "---\ntitle: Upload guide\ncategory: general\n---\n# Upload guide\n\nUploads go through the admin API.\n\n## Limits\n\nTen megabytes per file.");
        var faq = Text("api-faq.json", """[{"question":"Can I upload PDFs?","answer":"Yes, text PDFs.","category":"technical"}]""", "application/json");

        using var created = await _http.PostAsync("api/kb/documents", Files(markdown, faq));
        var body = await Json(created, HttpStatusCode.Created);
        Assert.Equal(2, body.GetProperty("created").GetInt32());
        var files = body.GetProperty("files");
        Assert.Equal("api-upload.md", files[0].GetProperty("name").GetString());
        var document = files[0].GetProperty("documents")[0];
        Assert.Equal("created", document.GetProperty("outcome").GetString());
        Assert.Equal("Upload guide", document.GetProperty("title").GetString());
        Assert.Equal(2, document.GetProperty("chunks").GetInt32());
        Assert.Equal("api-faq.json#can-i-upload-pdfs", files[1].GetProperty("documents")[0].GetProperty("source").GetString());
        var id = document.GetProperty("id").GetInt64();

        using var again = await _http.PostAsync("api/kb/documents", Files(markdown, faq));
        var unchanged = await Json(again, HttpStatusCode.Created);
        Assert.Equal(2, unchanged.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, unchanged.GetProperty("created").GetInt32());

        using var changed = await _http.PostAsync("api/kb/documents", Files(Text("api-upload.md", "# Upload guide\n\nNow twenty megabytes.")));
        var updated = await Json(changed, HttpStatusCode.Created);
        var updatedDocument = updated.GetProperty("files")[0].GetProperty("documents")[0];
        Assert.Equal("updated", updatedDocument.GetProperty("outcome").GetString());
        Assert.Equal(id, updatedDocument.GetProperty("id").GetInt64());

        using var read = await _http.GetAsync($"api/kb/documents/{id}");
        var details = await Json(read, HttpStatusCode.OK);
        Assert.Equal("api-upload.md", details.GetProperty("source").GetString());
        var chunk = Assert.Single(details.GetProperty("chunks").EnumerateArray());
        Assert.Equal("Now twenty megabytes.", chunk.GetProperty("content").GetString());
        Assert.Equal("Upload guide", chunk.GetProperty("heading").GetString());
        Assert.True(chunk.GetProperty("embedded").GetBoolean());

        using var search = await _http.GetAsync("api/kb/search?q=twenty%20megabytes&k=3");
        var results = (await Json(search, HttpStatusCode.OK)).GetProperty("results");
        Assert.Equal(id, results[0].GetProperty("documentId").GetInt64());
    }

    [Theory]
    [InlineData("api/kb/search?q=password&k=abc", "'k'")]
    [InlineData("api/kb/search?q=password&k=99999999999999999999", "'k'")]
    [InlineData("api/kb/documents?after=%F0%9F%92%A9", "'after'")]
    [InlineData("api/kb/documents?limit=", "'limit'")]
    public async Task A_query_value_that_does_not_bind_is_a_problem_naming_it(string url, string named)
    {
        using var response = await _http.GetAsync(url);
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_the_search_text_or_category_is_searched_around()
    {
        using var response = await _http.GetAsync("api/kb/search?q=reset%00password&category=tech%00nical");
        var results = (await Json(response, HttpStatusCode.OK)).GetProperty("results");
        Assert.Equal(JsonValueKind.Array, results.ValueKind);
    }

    [Fact]
    public async Task Search_snippets_are_plain_text_not_markdown()
    {
        using var response = await _http.GetAsync("api/kb/search?q=forgot%20password%20reset%20link&k=5");
        var snippets = (await Json(response, HttpStatusCode.OK)).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("snippet").GetString()!).ToList();

        Assert.Contains(snippets, s => s.Contains("Forgot password?", StringComparison.Ordinal));
        Assert.DoesNotContain(snippets, s => s.Contains("**", StringComparison.Ordinal) || s.Contains("](", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Categories_are_listed_with_their_document_counts()
    {
        using var response = await _http.GetAsync("api/kb/categories");
        var categories = (await Json(response, HttpStatusCode.OK)).GetProperty("categories").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("documents").GetInt32());

        Assert.Equal(["billing", "general", "technical"], categories.Keys.Order(StringComparer.Ordinal).Where(k => k is "billing" or "general" or "technical"));
        Assert.Equal(await Database.CountAsync("SELECT count(*) FROM kb_documents WHERE category = 'billing'"), categories["billing"]);
    }

    [Fact]
    public async Task Search_with_a_category_returns_only_that_category()
    {
        using var all = await _http.GetAsync("api/kb/search?q=how%20do%20i%20reset%20my%20password&k=10");
        var categories = (await Json(all, HttpStatusCode.OK)).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("category").GetString()).ToList();
        Assert.Contains(categories, c => c != "billing");

        using var billing = await _http.GetAsync("api/kb/search?q=how%20do%20i%20reset%20my%20password&k=10&category=billing");
        var results = (await Json(billing, HttpStatusCode.OK)).GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("billing", r.GetProperty("category").GetString()));

        using var tooLong = await _http.GetAsync($"api/kb/search?q=password&category={new string('c', 101)}");
        await Problem(tooLong, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("tool.exe", "application/octet-stream", "MZ-binary", HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType")]
    [InlineData("photo.png", "image/png", "not text", HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType")]
    [InlineData("empty.md", "text/markdown", "", HttpStatusCode.BadRequest, "EmptyFile")]
    [InlineData("blank.txt", "text/plain", "  \n\n ", HttpStatusCode.BadRequest, "EmptyFile")]
    [InlineData("latin1.md", "text/markdown", "LATIN1", HttpStatusCode.BadRequest, "InvalidEncoding")]
    [InlineData("headerless.csv", "text/csv", "How?,Like this.\n", HttpStatusCode.BadRequest, "MalformedFile")]
    [InlineData("huge.md", "text/markdown", "HUGE", HttpStatusCode.RequestEntityTooLarge, "FileTooLarge")]
    public async Task A_bad_file_is_a_problem_and_nothing_is_written(string name, string contentType, string content, HttpStatusCode status, string code)
    {
        var bytes = content switch
        {
            "LATIN1" => [.. "# Caf"u8, 0xE9, .. "\n\nOuvert le lundi.\n"u8],
            "HUGE" => Encoding.UTF8.GetBytes("# Huge\n\n" + new string('a', KnowledgeApiHost.MaxFileBytes)),
            _ => Encoding.UTF8.GetBytes(content),
        };
        var documents = await DocumentCount();
        var chunks = await ChunkCount();

        using var response = await _http.PostAsync("api/kb/documents", Files((name, bytes, contentType)));

        var problem = await Problem(response, status);
        Assert.Equal(code, problem.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(name, problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Equal(documents, await DocumentCount());
        Assert.Equal(chunks, await ChunkCount());
    }

    [Fact]
    public async Task With_good_and_bad_files_the_good_ones_are_stored_and_each_bad_one_gets_a_problem()
    {
        var before = await DocumentCount();
        using var response = await _http.PostAsync("api/kb/documents", Files(
            Text("mixed-good.md", "# Mixed\n\nThis one is fine."),
            ("mixed-bad.bin", [0, 1, 2], "application/octet-stream"),
            ("mixed-broken.txt", [0x41, 0xFF, 0x42], "text/plain")));

        var body = await Json(response, HttpStatusCode.Created);
        var files = body.GetProperty("files");
        Assert.Equal("created", files[0].GetProperty("documents")[0].GetProperty("outcome").GetString());
        Assert.Equal(415, files[1].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Equal(400, files[2].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Equal("InvalidEncoding", files[2].GetProperty("problem").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(2, body.GetProperty("failed").GetInt32());
        Assert.Equal(before + 1, await DocumentCount());
        Assert.Equal(0, await Database.CountAsync("SELECT count(*) FROM kb_documents WHERE source LIKE 'mixed-b%'"));
    }

    [Fact]
    public async Task When_every_file_is_bad_the_response_is_the_problem_with_one_entry_per_file()
    {
        var before = await DocumentCount();
        using var response = await _http.PostAsync("api/kb/documents", Files(
            ("all-bad-1.md", [], "text/markdown"),
            ("all-bad-2.exe", [1], "application/octet-stream")));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        var files = problem.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal(400, files[0].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Equal(415, files[1].GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Equal(before, await DocumentCount());
    }

    [Fact]
    public async Task Requests_that_are_not_file_uploads_are_problems()
    {
        using var json = await _http.PostAsync("api/kb/documents", JsonContent.Create(new { files = "x" }));
        await Problem(json, HttpStatusCode.UnsupportedMediaType);

        using var noFiles = new MultipartFormDataContent { { new StringContent("value"), "other" } };
        using var missing = await _http.PostAsync("api/kb/documents", noFiles);
        await Problem(missing, HttpStatusCode.BadRequest);

        var before = await DocumentCount();
        var big = Enumerable.Range(0, 5).Select(i => Text($"big-{i}.md", "# Big\n\n" + new string('b', KnowledgeApiHost.MaxFileBytes - 100))).ToArray();
        using var tooBig = await _http.PostAsync("api/kb/documents", Files(big));
        await Problem(tooBig, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await DocumentCount());
    }

    [Fact]
    public async Task Documents_are_listed_newest_first_in_pages_and_deleted()
    {
        var all = new List<JsonElement>();
        string? after = null;
        do
        {
            using var page = await _http.GetAsync($"api/kb/documents?limit=25{(after is null ? "" : "&after=" + after)}");
            var body = await Json(page, HttpStatusCode.OK);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 25);
            all.AddRange(items);
            after = body.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Number ? next.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        while (after is not null);

        var ids = all.Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(await DocumentCount(), ids.Count);
        var sample = all.First(d => d.GetProperty("source").GetString() == "reset-password.md");
        Assert.Equal("Reset your password", sample.GetProperty("title").GetString());
        Assert.True(sample.GetProperty("chunkCount").GetInt32() > 1);

        var id = sample.GetProperty("id").GetInt64();
        using var deleted = await _http.DeleteAsync($"api/kb/documents/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await Database.CountAsync("SELECT count(*) FROM kb_chunks WHERE document_id = $1", id));
        using var gone = await _http.GetAsync($"api/kb/documents/{id}");
        await Problem(gone, HttpStatusCode.NotFound);
        using var again = await _http.DeleteAsync($"api/kb/documents/{id}");
        await Problem(again, HttpStatusCode.NotFound);

        using var badLimit = await _http.GetAsync("api/kb/documents?limit=0");
        await Problem(badLimit, HttpStatusCode.BadRequest);
    }
}
