using System.Globalization;
using System.Text;
using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>Renders a list of choices as inline text, a numbered list, suggested actions or a hero card.</summary>
public static class ChoiceFactory
{
    private const int MaxActionTitleLength = 20;

    /// <summary>Picks the best rendering for the channel, as the SDK does.</summary>
    public static Activity ForChannel(string? channelId, IList<Choice>? list, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        list ??= [];
        var maxTitleLength = list.Count == 0 ? 0 : list.Max(c => TitleOf(c).Length);
        var longTitles = maxTitleLength > MaxActionTitleLength;
        var supportsSuggestedActions = SupportsSuggestedActions(channelId, list.Count);
        var supportsCardActions = SupportsCardActions(channelId, list.Count);

        if (!longTitles && !supportsSuggestedActions && supportsCardActions)
        {
            return HeroCard(list, text, speak);
        }

        if (!longTitles && supportsSuggestedActions)
        {
            return SuggestedAction(list, text, speak);
        }

        return !longTitles && list.Count <= 3
            ? Inline(list, text, speak, options)
            : List(list, text, speak, options);
    }

    /// <summary>"text (1) Red, (2) Green, or (3) Blue".</summary>
    public static Activity Inline(IList<Choice>? choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        choices ??= [];
        var separator = options?.InlineSeparator ?? ", ";
        var or = options?.InlineOr ?? " or ";
        var orMore = options?.InlineOrMore ?? ", or ";
        var includeNumbers = options?.IncludeNumbers ?? true;

        var builder = new StringBuilder(text).Append(' ');
        var connector = string.Empty;
        for (var index = 0; index < choices.Count; index++)
        {
            builder.Append(connector);
            if (includeNumbers)
            {
                builder.Append('(').Append(index + 1).Append(") ");
            }

            builder.Append(TitleOf(choices[index]));
            connector = index == choices.Count - 2 ? (index == 0 ? or : orMore) : separator;
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    /// <summary>"text" followed by one numbered (or bulleted) line per choice.</summary>
    public static Activity List(IList<Choice>? choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        choices ??= [];
        var includeNumbers = options?.IncludeNumbers ?? true;
        var builder = new StringBuilder(text).Append("\n\n   ");
        for (var index = 0; index < choices.Count; index++)
        {
            if (index > 0)
            {
                builder.Append("\n   ");
            }

            builder.Append(includeNumbers ? (index + 1).ToString(CultureInfo.InvariantCulture) + ". " : "- ");
            builder.Append(TitleOf(choices[index]));
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    public static Activity SuggestedAction(IList<Choice>? choices, string? text = null, string? speak = null) =>
        MessageFactory.SuggestedActions(ExtractActions(choices), text, speak, InputHints.ExpectingInput);

    public static Activity HeroCard(IList<Choice>? choices, string? text = null, string? speak = null)
    {
        var card = new HeroCard { Text = text, Buttons = ExtractActions(choices) };
        return MessageFactory.Attachment([card.ToAttachment()], null, speak, InputHints.ExpectingInput);
    }

    /// <summary>Turns choices into actions: the choice's own action, or an imBack of its value.</summary>
    public static List<CardAction> ExtractActions(IList<Choice>? choices) =>
        (choices ?? []).Select(c => c.Action ?? new CardAction(ActionTypes.ImBack, title: c.Value, value: c.Value)).ToList();

    private static string TitleOf(Choice choice) =>
        string.IsNullOrEmpty(choice.Action?.Title) ? choice.Value : choice.Action.Title;

    private static bool SupportsSuggestedActions(string? channelId, int buttonCount) => channelId switch
    {
        "facebook" or "skype" => buttonCount <= 10,
        "line" => buttonCount <= 13,
        "kik" => buttonCount <= 20,
        "telegram" or Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat => buttonCount <= 100,
        _ => false,
    };

    private static bool SupportsCardActions(string? channelId, int buttonCount) => channelId switch
    {
        "facebook" or "skype" or Channels.Msteams => buttonCount <= 3,
        "line" => buttonCount <= 99,
        "slack" or "telegram" or Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat => buttonCount <= 100,
        _ => false,
    };
}
