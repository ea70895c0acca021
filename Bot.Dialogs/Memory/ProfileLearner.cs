using System.Text.RegularExpressions;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;

namespace Bot.Dialogs.Memory;

/// <summary>
/// Learns what a person tells about themselves in passing: their name (from the channel, or "my name is …"), their
/// plan ("we're on the Business plan") and their language (the channel's locale).
/// </summary>
public static partial class ProfileLearner
{
    private static readonly string[] Plans = ["Free", "Team", "Business", "Enterprise"];

    public static void Learn(UserProfile profile, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(activity);
        profile.Name ??= ChannelName(activity.From);
        if (activity.Locale is { Length: > 1 and <= 20 } locale)
        {
            profile.Language = locale;
        }
        if (activity.Text is not { Length: > 0 and <= 2000 } text)
        {
            return;
        }
        if (StatedName().Match(text) is { Success: true } name)
        {
            profile.Name = Capitalise(name.Groups["name"].Value);
        }
        if (StatedPlan().Match(text) is { Success: true } plan)
        {
            profile.Plan = Plans.First(p => string.Equals(p, plan.Groups["plan"].Value, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The account's display name, unless it is a placeholder or just the id.</summary>
    public static string? ChannelName(ChannelAccount? account) =>
        account?.Name is { Length: > 0 and <= 60 } name
        && !string.Equals(name, account.Id, StringComparison.Ordinal)
        && !Placeholder().IsMatch(name)
            ? FirstName(name)
            : null;

    private static string FirstName(string name)
    {
        var first = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Length >= 2 ? first : name.Trim();
    }

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^(user|you|guest|visitor|customer|anonymous)[ _-]?\d*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(?:my name is|my name's|call me)\s+(?<name>\p{L}[\p{L}'-]{1,30})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedName();

    [GeneratedRegex(@"\b(?:on|have|using|use|with|bought|pay for|subscribed to)\s+(?:the|a|an|our)?\s*(?<plan>free|team|business|enterprise)\s+(?:plan|tier|subscription|edition)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedPlan();
}
