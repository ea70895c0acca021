using System.Globalization;

namespace Bot.Tests.Analytics;

/// <summary>Samples of the Prometheus text format: <c>name{labels} value</c> lines; comments and blank lines skipped.</summary>
public sealed record PrometheusSample(string Name, string Labels, double Value)
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            Assert.True(space > 0, $"Not a sample line: {line}");
            var name = brace > 0 && brace < space ? line[..brace] : line[..line.IndexOf(' ', StringComparison.Ordinal)];
            var labels = brace > 0 && brace < space ? line[(brace + 1)..line.LastIndexOf('}')] : "";
            var value = line[(space + 1)..];
            Assert.True(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || value is "+Inf" or "-Inf" or "NaN",
                $"Not a sample value: {line}");
            samples.Add(new PrometheusSample(name, labels, number));
        }
        return samples;
    }
}
