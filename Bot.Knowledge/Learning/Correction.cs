namespace Bot.Knowledge.Learning;

/// <summary>An approved answer to a customer question, given by an agent or admin.</summary>
/// <param name="Question">The customer's question as asked.</param>
/// <param name="Answer">The answer the bot should give from now on.</param>
/// <param name="Route">The route (category) the question belongs to, when known.</param>
/// <param name="ActivityId">The bot's answer activity being corrected, when known.</param>
/// <param name="AgentId">Who made the correction (the API caller), when known.</param>
public sealed record Correction(string Question, string Answer, string? Route, string? ActivityId, string? AgentId);
