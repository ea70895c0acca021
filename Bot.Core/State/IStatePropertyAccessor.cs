namespace Bot.Core;

/// <summary>Reads and writes one named property of a <see cref="BotState"/>.</summary>
/// <typeparam name="T">The type of the property.</typeparam>
public interface IStatePropertyAccessor<T>
{
    /// <summary>Gets the name of the property.</summary>
    string Name { get; }

    /// <summary>
    /// Gets the value, loading the state if needed. When the property is missing, the value of
    /// <paramref name="defaultValueFactory"/> is stored and returned; without a factory the result is default(T).
    /// </summary>
    /// <param name="turnContext">The context of this turn.</param>
    /// <param name="defaultValueFactory">Creates the value when the property is missing.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The value; the same instance for the rest of the turn, so changes to it are saved.</returns>
    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the value (saved by <see cref="BotState.SaveChangesAsync"/>).</summary>
    /// <param name="turnContext">The context of this turn.</param>
    /// <param name="value">The new value.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the value is set.</returns>
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    /// <summary>Removes the property (saved by <see cref="BotState.SaveChangesAsync"/>).</summary>
    /// <param name="turnContext">The context of this turn.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the property is removed.</returns>
    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
