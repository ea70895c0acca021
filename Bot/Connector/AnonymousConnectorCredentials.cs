namespace Bot.Connector;

/// <summary>No app id, no token: what the Emulator accepts for local development.</summary>
public sealed class AnonymousConnectorCredentials : IConnectorCredentials
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
