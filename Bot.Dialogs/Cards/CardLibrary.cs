using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bot.Core.Schema;

namespace Bot.Dialogs.Cards;

/// <summary>The Adaptive Card templates of <c>cards/</c>, embedded in this assembly, by name.</summary>
public sealed class CardLibrary
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private readonly ConcurrentDictionary<string, CardTemplate> _templates = new(StringComparer.Ordinal);

    /// <summary>An attachment holding the named card with <paramref name="data"/> bound in.</summary>
    public Attachment Render(string name, JsonObject data) => new()
    {
        ContentType = ContentType,
        Content = _templates.GetOrAdd(name, Load).Expand(data),
    };

    private static CardTemplate Load(string name)
    {
        var resource = $"Cards.{name}.json";
        using var stream = typeof(CardLibrary).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No card template '{name}' (looked for resource {resource}).");
        return new CardTemplate(JsonNode.Parse(stream)!);
    }
}
