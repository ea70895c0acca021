using Bot.Core.Schema;

namespace Bot.Connector;

/// <summary>Checks the Bot Framework JWT on an inbound <c>/api/messages</c> request against the activity it carries.</summary>
public interface IChannelAuthenticator
{
    /// <summary>Null when the request may be processed; otherwise why not.</summary>
    Task<string?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
