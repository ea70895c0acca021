using Bot.DirectLine;
using Bot.Dialogs.Observability;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace Bot.Observability;

public static class ObservabilityExtensions
{
    /// <summary>JSON console logs with scopes, PII redaction of every log, OpenTelemetry traces (OTLP when configured), metrics.</summary>
    public static WebApplicationBuilder AddSupportObservability(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        var telemetry = section.Get<TelemetryOptions>() ?? new TelemetryOptions();

        if (telemetry.JsonLogs)
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
            builder.Services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Json);
        }
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));

        var endpoint = telemetry.OtlpEndpoint?.ToString() ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(telemetry.ServiceName))
                .WithTracing(tracing => tracing
                    .AddSource(SupportTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddOtlpExporter(options => options.Endpoint = new Uri(endpoint)));
        }

        builder.Services.AddHostedService<MeterPublishingStartup>();
        builder.Services.AddSingleton<DatabaseProbe>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DatabaseProbe>());
        return builder;
    }

    /// <summary><c>GET /metrics</c> (Prometheus text: the bot's meter, Npgsql's, ASP.NET Core's and HTTP request metrics).</summary>
    public static WebApplication UseSupportObservability(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<SupportBotMetrics>();
        var streams = app.Services.GetRequiredService<ConversationStreams>();
        var probe = app.Services.GetRequiredService<DatabaseProbe>();
        metrics.ObserveGauge("directline.sockets", "{socket}", "Direct Line WebSockets open in this process.", () => streams.OpenStreams);
        metrics.ObserveGauge("database.up", "1", "1 when the database answered the last probe, else 0.", () => probe.Up);
        app.UseHttpMetrics();
        app.MapMetrics("/metrics").AllowAnonymous();
        return app;
    }
}
