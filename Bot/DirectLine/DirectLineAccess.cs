using Bot.Http;
using Bot.Knowledge.Transcripts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.DirectLine;

/// <summary>
/// The checks every conversation call makes, in the real service's order: who is calling (401, 429), whether their
/// token is for this conversation (403), whether the conversation exists and has not expired (404).
/// </summary>
public sealed class DirectLineAccess(DirectLineAuthenticator authenticator, DirectLineConversations conversations)
{
    public async Task<(ConversationRecord? Conversation, DirectLineCaller? Caller, ProblemHttpResult? Problem)> AuthorizeAsync(
        string conversationId, HttpRequest request, CancellationToken cancellationToken)
    {
        var (caller, problem) = await authenticator.AuthenticateAsync(request);
        if (problem is not null)
        {
            return (null, null, problem);
        }
        if (!caller!.MayAccess(conversationId))
        {
            return (null, null, ApiProblem.Forbidden("BadArgument", "This token belongs to another conversation."));
        }
        var lookup = await conversations.FindAsync(conversationId, cancellationToken);
        return lookup.IsActive
            ? (lookup.Conversation, caller, null)
            : (null, null, NotFound(lookup));
    }

    public static ProblemHttpResult NotFound(ConversationLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return ApiProblem.NotFound(lookup.Expired ? "The conversation has expired." : "Conversation not found.");
    }
}
