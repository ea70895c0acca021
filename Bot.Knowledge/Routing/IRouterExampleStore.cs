namespace Bot.Knowledge.Routing;

/// <summary>
/// The router's labelled examples (table <c>router_examples</c>) and its routes (<c>router_routes</c>). The router model
/// reads them through this store, so an example added here (an import, an admin upload, a human correction) is used
/// from the next message on, without a restart.
/// </summary>
public interface IRouterExampleStore
{
    /// <summary>
    /// Adds one example, embedding it; the same text (ignoring case and spacing) already stored is relabelled instead.
    /// A route name not yet known is added to the routes. Returns the example's id.
    /// </summary>
    /// <exception cref="ArgumentException">The text is empty or too long, the route is not a valid name, or the intent is unknown.</exception>
    Task<long> AddAsync(RouterExample example, CancellationToken cancellationToken);

    /// <summary>Adds many examples in one transaction (see <see cref="AddAsync"/>); returns how many were new and how many relabelled.</summary>
    Task<RouterImportResult> AddRangeAsync(IReadOnlyList<RouterExample> examples, CancellationToken cancellationToken);

    /// <summary>Examples in id order after <paramref name="after"/>, optionally of one route, without their vectors.</summary>
    Task<RouterExamplePage> ListAsync(string? route, long? after, int limit, CancellationToken cancellationToken);

    /// <summary>Every example with its vector from the active embedder (re-embedding rows another embedder wrote), and the routes.</summary>
    Task<RouterExampleSet> LoadAsync(CancellationToken cancellationToken);

    /// <summary>A stamp that changes whenever an example is added, relabelled or removed, in this process or another.</summary>
    Task<string> VersionAsync(CancellationToken cancellationToken);

    /// <summary>How many writes this process made: a cheap in-process change signal (no database round trip).</summary>
    long LocalVersion { get; }

    /// <summary>How many examples are stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
