using System.Text.RegularExpressions;

namespace Bot.Dialogs.Routing;

/// <summary>
/// A rule-based router: patterns for the obvious intents (asking for a person, greetings, thanks) and topic words
/// for the route. Confidence is the share of topic words that point to the chosen route.
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
        var normalized = (text ?? "").Trim().ToLowerInvariant();
        var intent = DetectIntent(normalized);
        var words = Word().Matches(normalized).Select(m => m.Value).ToList();

        var scores = TopicWords.ToDictionary(
            pair => pair.Key,
            pair => words.Count(word => pair.Value.Contains(word, StringComparer.Ordinal)),
            StringComparer.Ordinal);
        var total = scores.Values.Sum();
        if (total == 0)
        {
            return Task.FromResult(new RouteResult(Routes.General, 0.34, intent));
        }
        var best = scores.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First();
        return Task.FromResult(new RouteResult(best.Key, Math.Round((double)best.Value / total, 3), intent));
    }

    private static string DetectIntent(string text)
    {
        if (AsksForHuman().IsMatch(text))
        {
            return Intents.AsksForHuman;
        }
        if (Greeting().IsMatch(text))
        {
            return Intents.Greeting;
        }
        if (Thanks().IsMatch(text))
        {
            return Intents.Thanks;
        }
        return Intents.Question;
    }

    [GeneratedRegex(@"^(a\s+)?(human|agent|person|operator|representative|real person|live agent|live person)(\s+(please|pls|now))?[\s!.]*$|\b(talk|speak|chat|connect|transfer|put)\b.{0,25}\b(human|person|agent|representative|operator|someone|somebody|staff|support team)\b|\b(need|want|get)\b.{0,15}\b(human|real person|agent|representative|operator)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksForHuman();

    [GeneratedRegex(@"^(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings)\b[\s!.,]*(there|team|bot)?[\s!.,]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(thanks|thank you|thx|ty|cheers|great,? thanks|perfect,? thanks)\b[\s\w!.,]{0,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"[a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
