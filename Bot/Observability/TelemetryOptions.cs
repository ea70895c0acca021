namespace Bot.Observability;

/// <summary>Traces, metrics and logs (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP collector for traces; <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is used when this is empty. No endpoint, no export.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The service name on traces.</summary>
    public string ServiceName { get; set; } = "northwind-supportbot";

    /// <summary>Console logs as JSON lines (with scopes); false for the plain console format.</summary>
    public bool JsonLogs { get; set; } = true;

    /// <summary>How often the database probe behind <c>northwind_supportbot_database_up</c> runs.</summary>
    public TimeSpan DatabaseProbeInterval { get; set; } = TimeSpan.FromSeconds(15);
}
