using Bot.Core;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Responses;
using Bot.Dialogs.Routing;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Memory;

/// <summary>
/// Memory across sessions: greets a returning person with what happened last time and asks whether it was solved,
/// reads their answer, and learns what they tell about themselves. Summaries are written by the Response agent (each
/// answered topic), the Feedback agent (ratings) and <see cref="TurnRecorder"/> (hand-offs).
/// </summary>
public sealed class SessionMemory(SupportStateAccessors state, ReplyFactory replies, IOptions<BotOptions> options, TimeProvider clock)
{
    /// <summary>On channels without a conversation per visit (Teams), a message after this long is a new visit.</summary>
    public static readonly TimeSpan NewVisitAfter = TimeSpan.FromHours(8);

    /// <summary>The greeting at the start of a conversation: a welcome, or a welcome back with last time's topic.</summary>
    public async Task GreetAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profile = await state.Profile.GetAsync(context, () => new UserProfile(), cancellationToken);
        var conversation = await state.Conversation.GetAsync(context, () => new SupportConversationData(), cancellationToken);
        profile.Name ??= ProfileLearner.ChannelName(context.Activity.From);
        conversation.Welcomed = true;

        var now = clock.GetUtcNow();
        var last = profile.LastSummary;
        Activity greeting;
        if (last is null)
        {
            greeting = replies.Text(
                $"Hi{Space(profile.Name)}, I'm {options.Value.Name}. Ask me anything about your account, billing or our product, " +
                "and I'll answer from our help centre. You can ask for a person at any time.",
                Trace(Intents.Greeting));
        }
        else
        {
            var lastTime = $"Last time ({SummaryText.When(last.At, now)}) you asked “{SummaryText.Clip(last.Question, 100)}”";
            if (last.Resolved == true)
            {
                greeting = replies.Text(
                    $"Welcome back{Comma(profile.Name)}! {lastTime}, and that was sorted. What can I help you with today?",
                    Trace(Intents.Greeting));
            }
            else
            {
                var how = last.Escalated ? " and I passed it to our support team"
                    : last.Resolved == false ? " and it wasn't solved then"
                    : last.AnswerTitle is { } title ? $" and I answered from “{title}”"
                    : "";
                greeting = replies.Text($"Welcome back{Comma(profile.Name)}! {lastTime}{how}. Is that solved now?", Trace(Intents.Greeting));
                greeting.SuggestedActions = new SuggestedActions
                {
                    Actions =
                    [
                        new CardAction { Type = ActionTypes.ImBack, Title = ResolutionAnswer.YesText, Value = ResolutionAnswer.YesText },
                        new CardAction { Type = ActionTypes.ImBack, Title = ResolutionAnswer.NoText, Value = ResolutionAnswer.NoText },
                    ],
                };
                conversation.PendingResolutionCheck = last.AnswerKey ?? last.Question;
                conversation.PendingResolutionConversation = last.ConversationId;
            }
        }
        await context.SendActivityAsync(greeting, cancellationToken);
    }

    /// <summary>
    /// Runs before the root dialog on every message: learns about the person, greets them back on a new visit where
    /// channels keep one conversation (Teams), and reads the reply to "is that solved now?". True when the message was
    /// only that reply and has been answered; false when the root dialog should handle it.
    /// </summary>
    public async Task<bool> OnMessageAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profile = await state.Profile.GetAsync(context, () => new UserProfile(), cancellationToken);
        var conversation = await state.Conversation.GetAsync(context, () => new SupportConversationData(), cancellationToken);
        var now = clock.GetUtcNow();
        var previousVisit = profile.LastSeen;
        profile.FirstSeen ??= now;
        profile.LastSeen = now;
        ProfileLearner.Learn(profile, context.Activity);

        if (conversation.PendingResolutionCheck is { } pending)
        {
            conversation.PendingResolutionCheck = null;
            var summary = profile.Summaries.LastOrDefault(s =>
                s.ConversationId == conversation.PendingResolutionConversation && (s.AnswerKey ?? s.Question) == pending);
            conversation.PendingResolutionConversation = null;
            var answer = ResolutionAnswer.Read(context.Activity.Text);
            if (summary is not null && answer.Solved is { } solved)
            {
                summary.Resolved = solved;
                if (!solved)
                {
                    // The old topic is this conversation's context now, so "it still fails" is read as being about it.
                    conversation.LastTopic = new ConversationTopic(summary.Question, summary.AnswerTitle, null, null,
                        summary.AnswerSource ?? AnswerSources.None, null, now);
                }
                if (answer.IsWholeMessage)
                {
                    await context.SendActivityAsync(solved
                        ? replies.Text("Great, glad it's sorted! What can I help you with today?", Trace(Intents.Feedback))
                        : replies.Text(
                            "Sorry it's still not sorted. Tell me what happens now and I'll look again, or say \"talk to a person\" " +
                            "and someone from our team will take over.",
                            Trace(Intents.Feedback)),
                        cancellationToken);
                    return true;
                }
            }
        }
        else if (!conversation.Welcomed && previousVisit is { } seen && now - seen >= NewVisitAfter
            && profile.LastSummary is { Resolved: not true } last
            && last.ConversationId == context.Activity.Conversation?.Id)
        {
            conversation.Welcomed = true;
            await context.SendActivityAsync(
                replies.Text(
                    $"Welcome back{Comma(profile.Name)}! Last time ({SummaryText.When(last.At, now)}) you asked “{SummaryText.Clip(last.Question, 100)}”. " +
                    "If that still isn't solved, just tell me.",
                    Trace(Intents.Greeting)),
                cancellationToken);
        }
        conversation.Welcomed = true;
        return false;
    }

    private static SupportTrace Trace(string intent) => new(null, 1, intent, false, [], AnswerSources.None, [], 0);

    private static string Comma(string? name) => name is null ? "" : ", " + name;

    private static string Space(string? name) => name is null ? "" : " " + name;
}
