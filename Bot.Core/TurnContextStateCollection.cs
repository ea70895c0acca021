namespace Bot.Core;

/// <summary>The per-turn service bag; typed entries are keyed by the type's full name unless a key is given.</summary>
public sealed class TurnContextStateCollection : Dictionary<string, object>
{
    public TurnContextStateCollection()
        : base(StringComparer.Ordinal)
    {
    }

    public T? Get<T>(string key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryGetValue(key, out var value) ? value as T : null;
    }

    public T? Get<T>()
        where T : class => Get<T>(KeyOf<T>());

    /// <summary>Adds a value; throws when the key is already present.</summary>
    public void Add<T>(string key, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (ContainsKey(key))
        {
            throw new ArgumentException($"Key {key} already exists", nameof(key));
        }

        base.Add(key, value);
    }

    public void Add<T>(T value)
        where T : class => Add(KeyOf<T>(), value);

    /// <summary>Sets or replaces a value; a null value removes the key.</summary>
    public void Set<T>(string key, T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value == null)
        {
            Remove(key);
        }
        else
        {
            this[key] = value;
        }
    }

    public void Set<T>(T? value)
        where T : class => Set(KeyOf<T>(), value);

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
