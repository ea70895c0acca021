namespace Bot.Core.Schema;

/// <summary>Values of <see cref="Activity.InputHint"/>, as the .NET SDK sends them.</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string IgnoringInput = "ignoringInput";
    public const string ExpectingInput = "expectingInput";
}
