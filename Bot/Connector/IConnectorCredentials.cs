namespace Bot.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector, or null when the bot has no app id (Emulator).</summary>
public interface IConnectorCredentials
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
