using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>Builds common message activities.</summary>
public static class MessageFactory
{
    public static Activity Text(string? text, string? speak = null, string? inputHint = null)
    {
        var activity = Activity.CreateMessageActivity();
        SetTextAndSpeak(activity, text, speak, inputHint);
        return activity;
    }

    /// <summary>A message with one imBack suggested action per string (title and value are the string).</summary>
    public static Activity SuggestedActions(IEnumerable<string> actions, string? text = null, string? speak = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return SuggestedActions(actions.Select(a => new CardAction(ActionTypes.ImBack, title: a, value: a)), text, speak, inputHint);
    }

    public static Activity SuggestedActions(IEnumerable<CardAction> cardActions, string? text = null, string? speak = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(cardActions);
        var activity = Activity.CreateMessageActivity();
        SetTextAndSpeak(activity, text, speak, inputHint);
        activity.SuggestedActions = new SuggestedActions { Actions = cardActions.ToList() };
        return activity;
    }

    public static Activity Attachment(Attachment attachment, string? text = null, string? speak = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Attachment([attachment], text, speak, inputHint);
    }

    public static Activity Attachment(IEnumerable<Attachment> attachments, string? text = null, string? speak = null, string? inputHint = null) =>
        AttachmentActivity(AttachmentLayoutTypes.List, attachments, text, speak, inputHint);

    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null, string? speak = null, string? inputHint = null) =>
        AttachmentActivity(AttachmentLayoutTypes.Carousel, attachments, text, speak, inputHint);

    public static Activity ContentUrl(string url, string contentType, string? name = null, string? text = null, string? speak = null, string? inputHint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var attachment = new Attachment
        {
            ContentType = contentType,
            ContentUrl = url,
            Name = string.IsNullOrWhiteSpace(name) ? string.Empty : name,
        };
        return Attachment(attachment, text, speak, inputHint);
    }

    private static Activity AttachmentActivity(string layout, IEnumerable<Attachment> attachments, string? text, string? speak, string? inputHint)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var activity = Activity.CreateMessageActivity();
        activity.AttachmentLayout = layout;
        activity.Attachments = attachments.ToList();
        SetTextAndSpeak(activity, text, speak, inputHint);
        return activity;
    }

    private static void SetTextAndSpeak(Activity activity, string? text, string? speak, string? inputHint)
    {
        // Clients render an empty string as an empty bubble; null leaves the field out.
        activity.Text = string.IsNullOrWhiteSpace(text) ? null : text;
        activity.Speak = string.IsNullOrWhiteSpace(speak) ? null : speak;
        activity.InputHint = inputHint ?? InputHints.AcceptingInput;
    }
}
