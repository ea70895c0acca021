using System.Text;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Bot.Tests.Ingestion;

public sealed class ParserTests
{
    private const long Limit = 10 * 1024 * 1024;

    private static IReadOnlyList<KnowledgeDocument> Parse(string name, string text, string? contentType = null) =>
        DocumentParser.Parse(new SourceFile(name, Encoding.UTF8.GetBytes(text), contentType), Limit);

    private static IngestionException Fails(string name, byte[] content, string? contentType = null, long limit = Limit) =>
        Assert.Throws<IngestionException>(() => DocumentParser.Parse(new SourceFile(name, content, contentType), limit));

    [Fact]
    public void Markdown_front_matter_and_heading_paths_are_read()
    {
        var document = Parse("guide.md", """
            ---
            title: "Billing guide"
            category: billing
            url: https://help.example/billing
            ---
            # Billing guide

            Intro text.

            ## Invoices

            Invoices are emailed monthly.

            ### Download an invoice

            Open **Billing** and click *Download*.

            ## Refunds

            Refunds take 5 days.
            """).Single();

        Assert.Equal("guide.md", document.Source);
        Assert.Equal("Billing guide", document.Title);
        Assert.Equal("billing", document.Category);
        Assert.Equal("https://help.example/billing", document.Url);
        Assert.Equal(
            ["Billing guide", "Billing guide > Invoices", "Billing guide > Invoices > Download an invoice", "Billing guide > Refunds"],
            document.Sections.Select(s => s.Heading));
        Assert.Equal("Open **Billing** and click *Download*.", document.Sections[2].Content);
    }

    [Fact]
    public void Markdown_keeps_tables_and_lists_whole_and_ignores_hashes_in_code()
    {
        var document = Parse("plans.md", """
            # Plans

            | Plan | Price |
            |------|-------|
            | Free | $0    |
            | Pro  | $12   |

            1. Open settings
            2. Click **Plans**
               - pick one

            ```bash
            # not a heading
            curl https://api.example
            ```
            """).Single();

        var section = Assert.Single(document.Sections);
        Assert.Equal("Plans", section.Heading);
        Assert.Contains("| Free | $0    |\n| Pro  | $12   |", section.Content, StringComparison.Ordinal);
        Assert.Contains("2. Click **Plans**\n   - pick one", section.Content, StringComparison.Ordinal);
        Assert.Contains("# not a heading", section.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_headings_keep_escaped_characters_as_text_and_drop_raw_tags()
    {
        var document = Assert.Single(Parse("terms.md", """
            # Terms &amp; conditions for &lt;b&gt; tags <img src=x onerror="alert(1)">

            ## Refunds &amp; credits

            Credits are issued within 30 days.
            """));

        Assert.Equal("Terms & conditions for <b> tags", document.Title);
        Assert.Contains(document.Sections, s => s.Heading == "Terms & conditions for <b> tags > Refunds & credits");
    }

    [Fact]
    public void Markdown_without_title_uses_the_file_name()
    {
        var document = Parse("folder/no-title.md", "Just a paragraph.").Single();
        Assert.Equal("no-title", document.Title);
        Assert.Equal("", Assert.Single(document.Sections).Heading);
    }

    [Fact]
    public void Html_takes_the_main_content_and_drops_navigation_scripts_and_styles()
    {
        var document = Parse("page.html", """
            <!doctype html>
            <html><head>
              <title>Reset password | Help</title>
              <meta name="category" content="technical">
              <link rel="canonical" href="https://help.example/reset">
              <style>.x { color: red }</style>
              <script>var secret = 1;</script>
            </head>
            <body>
              <nav><a href="/">Home</a> <a href="/pricing">Pricing menu</a></nav>
              <main>
                <h1>Reset your password</h1>
                <p>Use the <b>Forgot password</b> link.</p>
                <h2>Steps</h2>
                <ol><li>Open sign-in</li><li>Click the link<ul><li>check spam</li></ul></li></ol>
                <table><tr><th>Plan</th><th>Limit</th></tr><tr><td>Free</td><td>3</td></tr></table>
                <script>alert('no')</script>
              </main>
              <footer>Copyright footer</footer>
            </body></html>
            """).Single();

        Assert.Equal("Reset your password", document.Title);
        Assert.Equal("technical", document.Category);
        Assert.Equal("https://help.example/reset", document.Url);
        Assert.Equal(["Reset your password", "Reset your password > Steps"], document.Sections.Select(s => s.Heading));
        Assert.Equal("Use the Forgot password link.", document.Sections[0].Content);
        var steps = document.Sections[1].Content;
        Assert.Contains("1. Open sign-in\n2. Click the link\n  - check spam", steps, StringComparison.Ordinal);
        Assert.Contains("| Plan | Limit |\n| Free | 3 |", steps, StringComparison.Ordinal);
        var all = string.Join("\n", document.Sections.Select(s => s.Content));
        Assert.DoesNotContain("Pricing menu", all, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_without_main_uses_the_body_without_header_and_footer()
    {
        var document = Parse("x.htm", "<html><head><title>T</title></head><body><header>Site header</header><p>Body text.</p><footer>F</footer></body></html>").Single();
        Assert.Equal("T", document.Title);
        Assert.Equal("Body text.", Assert.Single(document.Sections).Content);
    }

    [Fact]
    public void Plain_text_takes_a_short_first_line_as_title_and_keeps_paragraphs()
    {
        var document = Parse("notes.txt", "Office hours\n\nWe answer from 9 to 5.\n\nOn weekends, email us.\n").Single();
        Assert.Equal("Office hours", document.Title);
        Assert.Equal("We answer from 9 to 5.\n\nOn weekends, email us.", Assert.Single(document.Sections).Content);
    }

    [Fact]
    public void Faq_csv_gives_one_document_per_question()
    {
        var documents = Parse("faq.csv", """
            question,answer,category,url
            How do I reset my password?,"Click ""Forgot password?"", then follow the email.",technical,https://help.example/reset
            "Can I pay by invoice?","Yes, on annual plans.
            Ask sales.",billing,
            """);

        Assert.Equal(2, documents.Count);
        Assert.Equal("faq.csv#how-do-i-reset-my-password", documents[0].Source);
        Assert.Equal("How do I reset my password?", documents[0].Title);
        Assert.Equal("technical", documents[0].Category);
        Assert.Equal("https://help.example/reset", documents[0].Url);
        var answer = Assert.Single(documents[0].Sections);
        Assert.True(answer.KeepWhole);
        Assert.Equal("Click \"Forgot password?\", then follow the email.", answer.Content);
        Assert.Equal("Yes, on annual plans.\nAsk sales.", documents[1].Sections[0].Content);
        Assert.Null(documents[1].Url);
    }

    [Fact]
    public void Faq_csv_columns_may_come_in_any_order_and_duplicate_questions_get_distinct_sources()
    {
        var documents = Parse("faq.csv", "Answer,Question\nA1,Same?\nA2,Same?\n");
        Assert.Equal(["faq.csv#same", "faq.csv#same-2"], documents.Select(d => d.Source));
        Assert.Null(documents[0].Category);
    }

    [Fact]
    public void Faq_csv_without_the_header_is_rejected()
    {
        var error = Fails("faq.csv", Encoding.UTF8.GetBytes("How do I reset?,Click the link\n"));
        Assert.Equal(IngestError.Malformed, error.Error);
        Assert.Contains("header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Faq_row_without_an_answer_is_rejected()
    {
        var error = Fails("faq.csv", Encoding.UTF8.GetBytes("question,answer\nWhat?,\n"));
        Assert.Equal(IngestError.Malformed, error.Error);
        Assert.Contains("no answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Faq_json_reads_an_array_of_questions()
    {
        var documents = Parse("faq.json", """
            [ { "question": "Where are invoices?", "answer": "Under Billing.", "category": "billing" },
              { "Question": "Is there an API?", "Answer": "Yes.", "url": "https://help.example/api" } ]
            """);
        Assert.Equal(["faq.json#where-are-invoices", "faq.json#is-there-an-api"], documents.Select(d => d.Source));
        Assert.Equal("billing", documents[0].Category);
        Assert.Equal("https://help.example/api", documents[1].Url);
    }

    [Fact]
    public void A_nul_escape_in_faq_json_becomes_the_replacement_character()
    {
        var document = Assert.Single(Parse("faq.json", """[ { "question": "Nul\u0000here?", "answer": "A\u0000B", "category": "bil\u0000ling" } ]"""));

        Assert.Equal("Nul\uFFFDhere?", document.Title);
        Assert.Equal("bil\uFFFDling", document.Category);
        Assert.DoesNotContain(document.Sections, s => s.Content.Contains('\0', StringComparison.Ordinal) || s.Heading.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(document.Sections, s => s.Content.Contains("A\uFFFDB", StringComparison.Ordinal));
    }

    [Fact]
    public void Faq_json_that_is_not_an_array_is_rejected()
    {
        Assert.Equal(IngestError.Malformed, Fails("faq.json", Encoding.UTF8.GetBytes("{\"question\": 1")).Error);
    }

    [Fact]
    public void Pdf_text_is_read_one_section_per_page()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Refunds for annual plans take five days.", 12, new PdfPoint(40, 700), font);
        builder.AddPage(PageSize.A4).AddText("Contact billing for disputes.", 12, new PdfPoint(40, 700), font);

        var document = DocumentParser.Parse(new SourceFile("policy.pdf", builder.Build()), Limit).Single();

        Assert.Equal("policy", document.Title);
        Assert.Equal(["Page 1", "Page 2"], document.Sections.Select(s => s.Heading));
        Assert.Contains("Refunds for annual plans", document.Sections[0].Content, StringComparison.Ordinal);
        Assert.Contains("Contact billing", document.Sections[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_pdf_is_malformed()
    {
        Assert.Equal(IngestError.Malformed, Fails("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\nnot really")).Error);
    }

    [Fact]
    public void Type_comes_from_the_extension_then_the_content_type()
    {
        Assert.Equal(DocumentFormat.Markdown, DocumentParser.DetectFormat("a.MD", "application/octet-stream", []));
        Assert.Equal(DocumentFormat.Html, DocumentParser.DetectFormat("https://x.example/articles/reset", "text/html; charset=utf-8", []));
        Assert.Equal(DocumentFormat.PlainText, DocumentParser.DetectFormat("upload", "text/plain", []));
        Assert.Equal(DocumentFormat.Pdf, DocumentParser.DetectFormat("scan", null, "%PDF-1.4"u8));
        Assert.Equal(IngestError.UnsupportedType, Fails("tool.exe", [0x4D, 0x5A, 0x90]).Error);
        Assert.Equal(IngestError.UnsupportedType, Fails("image", [1, 2, 3], "image/png").Error);
    }

    [Fact]
    public void Invalid_utf8_is_a_clear_encoding_error()
    {
        var error = Fails("latin.md", [.. "# Caf"u8, 0xE9, .. " ouvert\n"u8]);
        Assert.Equal(IngestError.InvalidEncoding, error.Error);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_latin1_and_utf16_with_bom_are_decoded()
    {
        var latin1 = DocumentParser.Parse(new SourceFile("page", (byte[])[.. "<p>Caf"u8, 0xE9, .. "</p>"u8], "text/html; charset=ISO-8859-1"), Limit);
        Assert.Equal("Café", latin1[0].Sections[0].Content);
        var utf16 = DocumentParser.Parse(new SourceFile("u.txt", (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Héllo")]), Limit);
        Assert.Equal("Héllo", utf16[0].Sections[0].Content);
    }

    [Fact]
    public void Binary_data_in_a_text_file_is_an_encoding_error()
    {
        Assert.Equal(IngestError.InvalidEncoding, Fails("data.txt", [0x41, 0x00, 0x42]).Error);
    }

    [Fact]
    public void Empty_and_whitespace_files_are_empty()
    {
        Assert.Equal(IngestError.Empty, Fails("a.md", []).Error);
        Assert.Equal(IngestError.Empty, Fails("a.txt", Encoding.UTF8.GetBytes(" \n\t\n")).Error);
        Assert.Equal(IngestError.Empty, Fails("a.html", Encoding.UTF8.GetBytes("<html><body><nav>menu</nav></body></html>")).Error);
        Assert.Equal(IngestError.Empty, Fails("faq.csv", Encoding.UTF8.GetBytes("question,answer\n")).Error);
    }

    [Fact]
    public void Files_over_the_limit_are_too_large()
    {
        Assert.Equal(IngestError.TooLarge, Fails("big.md", new byte[101], limit: 100).Error);
    }

    [Fact]
    public void Every_sample_article_and_the_sample_faq_parse()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SampleArticles, "*.md"))
        {
            var document = DocumentParser.Parse(new SourceFile(Path.GetFileName(file), File.ReadAllBytes(file)), Limit).Single();
            Assert.False(string.IsNullOrWhiteSpace(document.Title));
            Assert.NotNull(document.Url);
            Assert.NotEmpty(document.Sections);
        }
        var faq = DocumentParser.Parse(new SourceFile("faq.csv", File.ReadAllBytes(Path.Combine(RepoPaths.Root, "samples", "kb", "faq.csv"))), Limit);
        Assert.Equal(60, faq.Count);
        Assert.Equal(60, faq.Select(d => d.Source).Distinct().Count());
        Assert.All(faq, d => Assert.NotNull(d.Category));
    }
}
