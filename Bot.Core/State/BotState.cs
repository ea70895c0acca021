using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>
/// A bag of named properties stored under one storage key per turn scope (conversation, user ...), read once
/// per turn and written back when changed.
/// </summary>
/// <remarks>
/// Deliberate deviation from Bot Builder: the stored document is an <see cref="IStoreItem"/> carrying the eTag
/// read at load, so <see cref="SaveChangesAsync"/> is an optimistic-concurrency write. If another turn saved the
/// same state in between, <see cref="EtagConflictException"/> is thrown instead of silently overwriting (the SDK's
/// last writer wins). State that did not exist at load is written with ETag "", which conflicts only when another
/// turn created it first. After a successful save the cached eTag is the new one, so a second save in the same
/// turn works.
/// </remarks>
public abstract class BotState
{
    private const string ETagProperty = "eTag";

    private readonly IStorage _storage;
    private readonly string _contextServiceKey;

    protected BotState(IStorage storage, string contextServiceKey)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _contextServiceKey = contextServiceKey ?? throw new ArgumentNullException(nameof(contextServiceKey));
    }

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new BotStatePropertyAccessor<T>(this, name);
    }

    /// <summary>Gets the cached state of this turn as a <see cref="JsonObject"/>, or null when not loaded.</summary>
    public object? Get(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        return cached == null ? null : JsonSerializer.SerializeToNode(cached.State, BotJson.Options);
    }

    /// <summary>Reads the state from storage unless it is already cached for this turn (or <paramref name="force"/>).</summary>
    public virtual async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && GetCachedState(turnContext) != null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken);
        var state = new Dictionary<string, object?>(StringComparer.Ordinal);
        var eTag = string.Empty;
        if (items.TryGetValue(key, out var stored))
        {
            eTag = ReadDocument(stored, state);
        }

        turnContext.TurnState[_contextServiceKey] = new CachedBotState(state, eTag);
    }

    /// <summary>Writes the state if it changed this turn (or <paramref name="force"/>), checking the eTag read at load.</summary>
    /// <exception cref="EtagConflictException">Another turn saved this state after it was loaded.</exception>
    public virtual async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cached = GetCachedState(turnContext);
        if (cached == null || !(force || cached.IsChanged()))
        {
            return;
        }

        var document = new BotStateDocument { State = cached.State, ETag = cached.ETag };
        await _storage.WriteAsync(new Dictionary<string, object> { [GetStorageKey(turnContext)] = document }, cancellationToken);
        cached.ETag = document.ETag;
        cached.Hash = cached.ComputeHash();
    }

    /// <summary>Empties the state for this turn; the next save writes the empty state over the stored one.</summary>
    public virtual async Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await LoadAsync(turnContext, false, cancellationToken);
        var cached = GetCachedState(turnContext)!;
        cached.State = new Dictionary<string, object?>(StringComparer.Ordinal);

        // An empty hash makes the cleared state count as changed even when it was empty before.
        cached.Hash = string.Empty;
    }

    /// <summary>Drops the cached state and deletes the stored one.</summary>
    public virtual async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_contextServiceKey);
        await _storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken);
    }

    protected abstract string GetStorageKey(ITurnContext turnContext);

    /// <summary>Gets a property value; throws <see cref="KeyNotFoundException"/> when it is missing.</summary>
    protected async Task<T> GetPropertyValueAsync<T>(ITurnContext turnContext, string propertyName, CancellationToken cancellationToken = default)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        return TryGetPropertyValue<T>(turnContext, propertyName, out var value)
            ? value!
            : throw new KeyNotFoundException($"Property '{propertyName}' is not set.");
    }

    protected async Task SetPropertyValueAsync(ITurnContext turnContext, string propertyName, object? value, CancellationToken cancellationToken = default)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        SetPropertyValue(turnContext, propertyName, value);
    }

    protected async Task DeletePropertyValueAsync(ITurnContext turnContext, string propertyName, CancellationToken cancellationToken = default)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        DeletePropertyValue(turnContext, propertyName);
    }

    /// <summary>Reads a property, converting a stored JSON value to <typeparamref name="T"/> once and caching the result.</summary>
    internal bool TryGetPropertyValue<T>(ITurnContext turnContext, string propertyName, out T? value)
    {
        var state = RequireCachedState(turnContext).State;
        if (!state.TryGetValue(propertyName, out var raw))
        {
            value = default;
            return false;
        }

        if (raw is T typed)
        {
            value = typed;
            return true;
        }

        value = BotJson.ConvertTo<T>(raw);
        if (value != null)
        {
            state[propertyName] = value;
        }

        return true;
    }

    internal void SetPropertyValue(ITurnContext turnContext, string propertyName, object? value) =>
        RequireCachedState(turnContext).State[propertyName] = value;

    internal void DeletePropertyValue(ITurnContext turnContext, string propertyName) =>
        RequireCachedState(turnContext).State.Remove(propertyName);

    private static string? ReadDocument(object stored, Dictionary<string, object?> state)
    {
        var element = stored is JsonElement json ? json : JsonSerializer.SerializeToElement(stored, stored.GetType(), BotJson.Options);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? eTag = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(ETagProperty))
            {
                eTag = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
            else
            {
                state[property.Name] = property.Value.Clone();
            }
        }

        return eTag;
    }

    private CachedBotState? GetCachedState(ITurnContext turnContext) =>
        turnContext.TurnState.Get<CachedBotState>(_contextServiceKey);

    private CachedBotState RequireCachedState(ITurnContext turnContext) =>
        GetCachedState(turnContext)
        ?? throw new InvalidOperationException($"{GetType().Name} is not loaded for this turn; call LoadAsync first.");
}
