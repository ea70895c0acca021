namespace Bot.Knowledge.Routing;

/// <summary>
/// How the Bitext customer-support data set maps to the default routes and intents: billing for CANCELLATION_FEE,
/// INVOICE, PAYMENT, REFUND; technical for ACCOUNT; general for the rest (CONTACT, DELIVERY, FEEDBACK, NEWSLETTER, ORDER,
/// SHIPPING_ADDRESS). Intents: <c>contact_human_agent</c> asks for a person, <c>complaint</c> is a complaint,
/// <c>review</c> is feedback, everything else a question.
/// </summary>
public static class BitextMapping
{
    private static readonly Dictionary<string, string> Routes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CANCELLATION_FEE"] = "billing",
        ["INVOICE"] = "billing",
        ["PAYMENT"] = "billing",
        ["REFUND"] = "billing",
        ["ACCOUNT"] = "technical",
        ["CONTACT"] = "general",
        ["DELIVERY"] = "general",
        ["FEEDBACK"] = "general",
        ["NEWSLETTER"] = "general",
        ["ORDER"] = "general",
        ["SHIPPING_ADDRESS"] = "general",
    };

    /// <summary>The route of a Bitext category, or null for a category the mapping does not know.</summary>
    public static string? RouteOf(string category) => Routes.GetValueOrDefault(category.Trim());

    /// <summary>The bot's intent for a Bitext intent.</summary>
    public static string IntentOf(string bitextIntent) => bitextIntent.Trim().ToLowerInvariant() switch
    {
        "contact_human_agent" => "asks_for_human",
        "complaint" => "complaint",
        "review" => "feedback",
        _ => "question",
    };
}
