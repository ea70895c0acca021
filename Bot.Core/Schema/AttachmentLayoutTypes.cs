namespace Bot.Core.Schema;

/// <summary>Values of <see cref="Activity.AttachmentLayout"/>.</summary>
public static class AttachmentLayoutTypes
{
    public const string List = "list";
    public const string Carousel = "carousel";
}
