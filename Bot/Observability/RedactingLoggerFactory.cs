using Bot.Knowledge.Privacy;

namespace Bot.Observability;

/// <summary>
/// Wraps the logger factory so every logger hands its providers (console, tests, OpenTelemetry) a message and state
/// values with personal data redacted by <see cref="PiiRedactor"/>. Scopes (conversation and activity ids) pass as they are.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            var message = PiiRedactor.Redact(formatter(state, exception)) ?? "";
            inner.Log(logLevel, eventId, RedactedLogState.From(state, message), exception, static (s, _) => s.ToString());
        }
    }
}
