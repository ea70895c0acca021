using System.Text.RegularExpressions;

namespace Bot.Dialogs.Routing;

/// <summary>
/// The router before any example is stored: <see cref="RouterRules"/> for the obvious intents and topic words for the
/// route. Confidence is the share of topic words that point to the chosen route.
/// </summary>
public sealed partial class KeywordRouterModel : IRouterModel
{
    private static readonly Dictionary<string, string[]> TopicWords = new(StringComparer.Ordinal)
    {
        [Routes.Billing] =
        [
            "bill", "billing", "billed", "invoice", "invoices", "receipt", "refund", "refunds", "charge", "charged", "charges",
            "payment", "pay", "paid", "card", "credit", "price", "pricing", "cost", "plan", "plans", "subscription",
            "subscribe", "cancel", "cancellation", "vat", "tax", "upgrade", "downgrade", "discount", "trial", "money",
        ],
        [Routes.Technical] =
        [
            "password", "login", "log", "signin", "sign", "sso", "saml", "2fa", "mfa", "authenticator", "error", "errors",
            "bug", "crash", "crashes", "api", "key", "token", "webhook", "webhooks", "integration", "sync", "syncing",
            "slow", "outage", "down", "export", "import", "app", "browser", "locked", "reset", "code", "timeout", "429",
        ],
        [Routes.General] =
        [
            "hours", "contact", "phone", "email", "address", "office", "privacy", "gdpr", "accessibility", "security",
            "feature", "features", "onboarding", "team", "status",
        ],
    };

    /// <inheritdoc/>
    public Task<RouteResult> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        var normalized = RouterRules.Normalize(text ?? "");
        var intent = RouterRules.IntentOf(normalized) ?? Intents.Question;
        var words = Word().Matches(normalized).Select(m => m.Value).ToList();

        var scores = TopicWords.ToDictionary(
            pair => pair.Key,
            pair => words.Count(word => pair.Value.Contains(word, StringComparer.Ordinal)),
            StringComparer.Ordinal);
        var total = scores.Values.Sum();
        if (total == 0)
        {
            return Task.FromResult(new RouteResult(Routes.General, 0.34, intent) { Model = RouterModels.Keywords });
        }
        var best = scores.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First();
        return Task.FromResult(new RouteResult(best.Key, Math.Round((double)best.Value / total, 3), intent) { Model = RouterModels.Keywords });
    }

    [GeneratedRegex(@"[a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
