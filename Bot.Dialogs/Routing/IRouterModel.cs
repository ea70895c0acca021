namespace Bot.Dialogs.Routing;

/// <summary>Classifies a customer message into a route and an intent.</summary>
public interface IRouterModel
{
    Task<RouteResult> ClassifyAsync(string text, CancellationToken cancellationToken);
}
