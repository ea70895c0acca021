using CsvHelper;

namespace Bot.Knowledge.Routing;

/// <summary>
/// Reads router examples from CSV (RFC 4180, header row). A file is all or nothing: any bad row rejects the whole file,
/// with every problem named by its line, so an import never half-applies.
/// </summary>
public static class RouterExampleCsv
{
    public const int MaxReportedErrors = 20;

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Parses <paramref name="csv"/>; <paramref name="source"/> (e.g. <c>import</c>) is recorded on every example.</summary>
    /// <exception cref="RouterCsvException">The file is empty, lacks a column, has bad rows, or is not CSV.</exception>
    public static IReadOnlyList<RouterCsvRow> Parse(string csv, string source, RouterCsvFormat format = RouterCsvFormat.Router, int maxRows = 100_000)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new RouterCsvException("The file is empty: send a CSV with a header row (text,route[,intent]) and at least one example.");
        }
        if (csv.Contains('\0', StringComparison.Ordinal))
        {
            throw new RouterCsvException("The file contains NUL characters: it looks like a binary file, not a CSV.");
        }
        try
        {
            using var reader = CsvReader.FromText(csv.TrimStart('\uFEFF'), Options);
            reader.ReadHeader();
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var columns = format == RouterCsvFormat.Bitext ? BitextColumns(header) : RouterColumns(header);
            var rows = new List<RouterCsvRow>();
            var errors = new List<string>();
            var total = 0;
            while (reader.Read())
            {
                total++;
                if (total > maxRows)
                {
                    throw new RouterCsvException($"The file has more than {maxRows} rows (Router:MaxImportRows).");
                }
                var line = (int)reader.LineNumber;
                try
                {
                    var (example, label) = columns.Read(reader, source);
                    rows.Add(new RouterCsvRow(line, RouterLabels.Normalize(example), label));
                }
                catch (ArgumentException ex)
                {
                    if (errors.Count < MaxReportedErrors)
                    {
                        errors.Add($"line {line}: {FirstSentence(ex.Message)}");
                    }
                }
            }
            if (errors.Count > 0)
            {
                throw new RouterCsvException($"{errors.Count}{(errors.Count == MaxReportedErrors ? "+" : "")} row(s) are not valid; nothing was imported.", errors);
            }
            if (rows.Count == 0)
            {
                throw new RouterCsvException("The file has a header but no examples.");
            }
            return rows;
        }
        catch (CsvFormatException ex)
        {
            throw new RouterCsvException($"The file is not valid CSV: {ex.Message}", ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static Columns RouterColumns(List<string> header)
    {
        var text = header.IndexOf("text");
        var route = header.IndexOf("route");
        if (text < 0 || route < 0)
        {
            throw new RouterCsvException($"The header must name the columns text,route[,intent]; found '{string.Join(',', header)}'.");
        }
        var intent = header.IndexOf("intent");
        return new Columns((reader, source) => (
            new RouterExample(reader.GetString(text), reader.GetString(route), intent < 0 ? null : reader.GetString(intent), source),
            null));
    }

    private static Columns BitextColumns(List<string> header)
    {
        var utterance = header.IndexOf("utterance");
        var intent = header.IndexOf("intent");
        var category = header.IndexOf("category");
        if (utterance < 0 || intent < 0 || category < 0)
        {
            throw new RouterCsvException($"A Bitext file names the columns utterance,intent,...,category; found '{string.Join(',', header)}'.");
        }
        return new Columns((reader, source) =>
        {
            var label = reader.GetString(intent);
            var route = BitextMapping.RouteOf(reader.GetString(category))
                ?? throw new ArgumentException($"the Bitext category '{reader.GetString(category)}' has no route mapping");
            return (new RouterExample(reader.GetString(utterance), route, BitextMapping.IntentOf(label), source), label);
        });
    }

    private sealed class Columns(Func<CsvReader, string, (RouterExample Example, string? Label)> read)
    {
        public (RouterExample Example, string? Label) Read(CsvReader reader, string source) => read(reader, source);
    }
}
