using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>
/// <c>POST conversations/{id}/upload</c> as DirectLineJS and Web Chat send it (an <c>activity</c> part and <c>file</c>
/// parts) and as a single raw file: files stored in PostgreSQL, served back at unguessable URLs as inert content, the
/// message going through the bot; bad uploads are problems and store nothing.
/// </summary>
public sealed class DirectLineUploadTests : IClassFixture<DirectLineUploadTests.Host>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly Host _host;
    private readonly HttpClient _http;

    public DirectLineUploadTests(Host host)
    {
        _host = host;
        _http = host.CreateClient();
    }

    private DirectLineTestClient Client => new(_http);

    [Fact]
    public async Task Files_uploaded_like_directlinejs_become_one_message_whose_attachments_are_served_back()
    {
        var conversation = await Client.StartAsync();
        var html = Encoding.UTF8.GetBytes("<script>alert(1)</script>");
        using var form = Multipart(
            new { type = "message", text = "Two files", channelData = new { clientActivityID = "cid-1" },
                  attachments = new[] { new { contentType = "image/png", name = "shot.png" }, new { contentType = "text/html", name = "page.html" } } },
            ("page.html", "text/html", html),
            ("shot.png", "image/png", Png));

        using var response = await Client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/upload?userId=dl_ignored", conversation.Token, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var activities = await Client.ActivitiesAsync(conversation.Id, conversation.Token);
        var message = Assert.Single(activities, a => a.Id == id);
        Assert.Equal("Two files", message.Text);
        Assert.NotEqual("dl_ignored", message.From?.Id);
        Assert.Equal(["shot.png", "page.html"], message.Attachments!.Select(a => a.Name));
        Assert.Contains(activities, a => a.From?.Role == "bot" && string.CompareOrdinal(a.Id, id) > 0);

        using var image = await _http.GetAsync(new Uri(message.Attachments![0].ContentUrl!));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", image.Headers.GetValues("X-Content-Type-Options")));

        using var page = await _http.GetAsync(new Uri(message.Attachments[1].ContentUrl!));
        Assert.Equal(html, await page.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", page.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", string.Join(",", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        Assert.Equal(2, await _host.Database.CountAsync("SELECT count(*) FROM directline_attachments WHERE conversation_id = $1 AND activity_id = $2", conversation.Id, id));
        var attachmentId = new Uri(message.Attachments[0].ContentUrl!).Segments[^1];
        Assert.True(attachmentId.Length >= 32, "Attachment URLs must be unguessable.");
    }

    [Fact]
    public async Task A_single_raw_file_is_an_upload_too()
    {
        var conversation = await Client.StartAsync();
        using var content = new ByteArrayContent(Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"../../etc/receipt.png\"" };

        using var response = await Client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/upload", conversation.Token, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var message = Assert.Single(await Client.ActivitiesAsync(conversation.Id, conversation.Token), a => a.Id == id);
        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("receipt.png", attachment.Name);
        Assert.Equal("image/png", attachment.ContentType);
    }

    [Fact]
    public async Task Bad_uploads_are_problems_and_store_nothing()
    {
        var conversation = await Client.StartAsync();
        var other = await Client.StartAsync();
        var before = await StoredMessages(conversation.Id);
        var path = $"conversations/{conversation.Id}/upload";

        using var tooLarge = await Client.SendAsync(HttpMethod.Post, path, conversation.Token, Multipart(null, ("big.bin", "application/octet-stream", new byte[Host.MaxUploadBytes + 1])));
        using var tooMany = await Client.SendAsync(HttpMethod.Post, path, conversation.Token,
            Multipart(null, ("1.txt", "text/plain", [1]), ("2.txt", "text/plain", [2]), ("3.txt", "text/plain", [3]), ("4.txt", "text/plain", [4])));
        using var noFile = await Client.SendAsync(HttpMethod.Post, path, conversation.Token, Multipart(new { type = "message", text = "no file" }));
        using var notMessage = await Client.SendAsync(HttpMethod.Post, path, conversation.Token, Multipart(new { type = "event", name = "x" }, ("a.txt", "text/plain", [1])));
        using var anonymous = await Client.SendAsync(HttpMethod.Post, path, null, Multipart(null, ("a.txt", "text/plain", [1])));
        using var otherToken = await Client.SendAsync(HttpMethod.Post, path, other.Token, Multipart(null, ("a.txt", "text/plain", [1])));

        await AssertProblem(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        await AssertProblem(tooMany, HttpStatusCode.RequestEntityTooLarge);
        await AssertProblem(noFile, HttpStatusCode.BadRequest);
        await AssertProblem(notMessage, HttpStatusCode.BadRequest);
        await AssertProblem(anonymous, HttpStatusCode.Unauthorized);
        await AssertProblem(otherToken, HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoredMessages(conversation.Id));
        Assert.Equal(0, await _host.Database.CountAsync("SELECT count(*) FROM directline_attachments WHERE conversation_id = $1", conversation.Id));
    }

    [Fact]
    public async Task An_attachment_is_not_served_after_its_lifetime_or_under_an_unknown_id()
    {
        var conversation = await Client.StartAsync();
        using var upload = await Client.SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/upload", conversation.Token, Multipart(null, ("a.png", "image/png", Png)));
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var url = Assert.Single(await Client.ActivitiesAsync(conversation.Id, conversation.Token), a => a.Id == id).Attachments![0].ContentUrl!;

        using var unknown = await _http.GetAsync(new Uri(new Uri(url), "not-an-attachment-id-000000000000000"));
        await Task.Delay(Host.AttachmentLifetime + TimeSpan.FromSeconds(1));
        using var expired = await _http.GetAsync(new Uri(url));

        await AssertProblem(unknown, HttpStatusCode.NotFound);
        await AssertProblem(expired, HttpStatusCode.NotFound);
        Assert.Equal(1, await _host.Database.CountAsync("SELECT count(*) FROM directline_attachments WHERE conversation_id = $1", conversation.Id));
    }

    /// <summary>The form DirectLineJS builds: the activity as a blob of type application/vnd.microsoft.activity, then one <c>file</c> part per file.</summary>
    private static MultipartFormDataContent Multipart(object? activity, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        if (activity is not null)
        {
            var part = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(part, "activity", "blob");
        }
        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "file", name);
        }
        return form;
    }

    private Task<long> StoredMessages(string conversationId) =>
        _host.Database.CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1", conversationId);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetProperty("code").GetString()));
    }

    /// <summary>The host with small upload limits: 64 KiB, 3 files, served for 3 s.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public const int MaxUploadBytes = 64 * 1024;
        public static readonly TimeSpan AttachmentLifetime = TimeSpan.FromSeconds(3);

        private readonly BotHost _host = new();

        public TestDatabase Database => _host.Database;

        public HttpClient CreateClient() => _host.CreateClient();

        public Task InitializeAsync()
        {
            _host.Settings["DirectLine:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _host.Settings["DirectLine:MaxUploadFiles"] = "3";
            _host.Settings["DirectLine:AttachmentLifetime"] = AttachmentLifetime.ToString();
            return _host.InitializeAsync();
        }

        public Task DisposeAsync() => _host.DisposeAsync();
    }
}
