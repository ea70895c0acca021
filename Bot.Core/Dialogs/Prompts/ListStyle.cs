using System.Text.Json.Serialization;

namespace Bot.Core.Dialogs;

/// <summary>How a prompt presents its choices.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListStyle>))]
public enum ListStyle
{
    /// <summary>Do not show the choices.</summary>
    None,

    /// <summary>Pick a style that fits the channel.</summary>
    Auto,

    /// <summary>Append the choices to the text: "(1) Yes or (2) No".</summary>
    Inline,

    /// <summary>Append the choices as a numbered list.</summary>
    List,

    /// <summary>Show the choices as suggested actions.</summary>
    SuggestedAction,

    /// <summary>Show the choices as buttons of a hero card.</summary>
    HeroCard,
}
