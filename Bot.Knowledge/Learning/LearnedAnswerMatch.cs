namespace Bot.Knowledge.Learning;

/// <summary>A learned answer whose question is close to the one being asked.</summary>
/// <param name="Id">The learned answer's id.</param>
/// <param name="Question">The question the answer was approved for.</param>
/// <param name="Answer">The approved answer.</param>
/// <param name="Route">The route (category) of the question, when known.</param>
/// <param name="Similarity">How close the questions are, 0..1 (combined embedding and word overlap).</param>
public sealed record LearnedAnswerMatch(long Id, string Question, string Answer, string? Route, double Similarity)
{
    /// <summary>What the similarity was made of (for explanations and for fitting the weights), when known.</summary>
    public MatchFeatures? Features { get; init; }
}
