namespace Bot.Knowledge.Analytics;

/// <summary>A period <c>[From, To)</c> and an optional route the figures are limited to.</summary>
public sealed record AnalyticsQuery(DateTimeOffset From, DateTimeOffset To, string? Route)
{
    /// <summary>The period of the same length just before this one.</summary>
    public AnalyticsQuery Previous() => this with { From = From - (To - From), To = From };
}
