using System.Text.Json;

namespace Bot.Core.Schema;

public sealed partial class Activity
{
    public static Activity CreateMessageActivity() => new(ActivityTypes.Message) { Attachments = [], Entities = [] };

    public static Activity CreateTypingActivity() => new(ActivityTypes.Typing);

    public static Activity CreateEventActivity() => new(ActivityTypes.Event);

    public static Activity CreateInvokeActivity() => new(ActivityTypes.Invoke);

    public static Activity CreateEndOfConversationActivity() => new(ActivityTypes.EndOfConversation);

    public static Activity CreateConversationUpdateActivity() =>
        new(ActivityTypes.ConversationUpdate) { MembersAdded = [], MembersRemoved = [] };

    public static Activity CreateTraceActivity(string name, string? valueType = null, object? value = null, string? label = null) =>
        new(ActivityTypes.Trace) { Name = name, Label = label, ValueType = valueType ?? value?.GetType().Name, Value = value };

    /// <summary>Creates a message that answers this activity: from and recipient swapped, same conversation.</summary>
    public Activity CreateReply(string? text = null, string? locale = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = DateTimeOffset.UtcNow,
        From = new ChannelAccount(Recipient?.Id, Recipient?.Name),
        Recipient = new ChannelAccount(From?.Id, From?.Name),
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = new ConversationAccount(isGroup: Conversation?.IsGroup, id: Conversation?.Id, name: Conversation?.Name),
        Text = text ?? string.Empty,
        Locale = locale ?? Locale,
        Attachments = [],
        Entities = [],
    };

    /// <summary>Creates a reference to this activity's conversation.</summary>
    /// <remarks>
    /// Direct Line and Web Chat do not accept a reply to a conversationUpdate, so the SDK leaves
    /// <see cref="ConversationReference.ActivityId"/> empty for those.
    /// </remarks>
    public ConversationReference GetConversationReference()
    {
        var isChannelWithoutUpdateReplies =
            string.Equals(ChannelId, Channels.Directline, StringComparison.OrdinalIgnoreCase)
            || string.Equals(ChannelId, Channels.Webchat, StringComparison.OrdinalIgnoreCase);
        var isConversationUpdate = string.Equals(Type, ActivityTypes.ConversationUpdate, StringComparison.OrdinalIgnoreCase);
        return new ConversationReference
        {
            ActivityId = isConversationUpdate && isChannelWithoutUpdateReplies ? null : Id,
            User = From,
            Bot = Recipient,
            Conversation = Conversation,
            ChannelId = ChannelId,
            Locale = Locale,
            ServiceUrl = ServiceUrl,
        };
    }

    /// <summary>Copies the delivery information of <paramref name="reference"/> onto this activity.</summary>
    /// <param name="reference">The conversation to address.</param>
    /// <param name="isIncoming">True to treat this as an activity to the bot; false (default) for one from the bot.</param>
    /// <returns>This activity.</returns>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale = reference.Locale ?? Locale;

        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            if (reference.ActivityId != null)
            {
                Id = reference.ActivityId;
            }
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            if (reference.ActivityId != null)
            {
                ReplyToId = reference.ActivityId;
            }
        }

        return this;
    }

    /// <summary>Deep copy through JSON; object-typed values come back as <see cref="JsonElement"/>.</summary>
    public Activity Clone() =>
        JsonSerializer.SerializeToElement(this, BotJson.Options).Deserialize<Activity>(BotJson.Options)!;

    /// <summary>Reads <see cref="Value"/> as <typeparamref name="T"/> (converting JSON, or casting).</summary>
    public T? GetValue<T>() => BotJson.ConvertTo<T>(Value);

    /// <summary>Reads <see cref="ChannelData"/> as <typeparamref name="T"/> (converting JSON, or casting).</summary>
    public T? GetChannelData<T>() => BotJson.ConvertTo<T>(ChannelData);

    /// <summary>Tries to read <see cref="ChannelData"/> as <typeparamref name="T"/>.</summary>
    /// <returns>False when there is no channel data or it does not convert.</returns>
    public bool TryGetChannelData<T>(out T? instance)
    {
        instance = default;
        if (ChannelData == null)
        {
            return false;
        }

        try
        {
            instance = GetChannelData<T>();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>True when this message has text, a summary, attachments or channel data.</summary>
    public bool HasContent() =>
        !string.IsNullOrWhiteSpace(Text)
        || !string.IsNullOrWhiteSpace(Summary)
        || Attachments is { Count: > 0 }
        || ChannelData != null;
}
