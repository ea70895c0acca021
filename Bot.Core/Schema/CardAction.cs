namespace Bot.Core.Schema;

/// <summary>A clickable action (button or suggested action).</summary>
public sealed class CardAction
{
    public CardAction()
    {
    }

    public CardAction(string? type = null, string? title = null, string? image = null, string? text = null, string? displayText = null, object? value = null, object? channelData = null, string? imageAltText = null)
    {
        Type = type;
        Title = title;
        Image = image;
        Text = text;
        DisplayText = displayText;
        Value = value;
        ChannelData = channelData;
        ImageAltText = imageAltText;
    }

    public string? Type { get; set; }

    public string? Title { get; set; }

    public string? Image { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    public object? Value { get; set; }

    public object? ChannelData { get; set; }

    public string? ImageAltText { get; set; }
}
