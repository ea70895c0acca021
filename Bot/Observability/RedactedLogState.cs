using System.Collections;
using Bot.Knowledge.Privacy;

namespace Bot.Observability;

/// <summary>A log entry's structured values with emails, phone and card numbers replaced, and its redacted message.</summary>
internal sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    public static RedactedLogState From<TState>(TState state, string message)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => p.Key == OriginalFormat ? p : new KeyValuePair<string, object?>(p.Key, Redact(p.Value))).ToList()
            : [];
        return new RedactedLogState(values, message);
    }

    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;

    private static object? Redact(object? value) => value switch
    {
        null => null,
        string text => PiiRedactor.Redact(text),
        bool or byte or short or int or long or float or double or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => value,
        _ => PiiRedactor.Redact(value.ToString()),
    };
}
