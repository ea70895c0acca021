namespace Bot.Core.Schema;

/// <summary>A card with a title, text, image and buttons.</summary>
public sealed class HeroCard
{
    public const string ContentType = "application/vnd.microsoft.card.hero";

    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public string? Text { get; set; }

    public List<CardImage>? Images { get; set; }

    public List<CardAction>? Buttons { get; set; }

    public CardAction? Tap { get; set; }

    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = this };
}
