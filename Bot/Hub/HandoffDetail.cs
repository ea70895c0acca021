namespace Bot.Hub;

/// <summary>A handoff with its whole transcript and the agent's notes (contract: HandoffDetail).</summary>
public sealed record HandoffDetail : HandoffView
{
    public HandoffDetail(HandoffView view, IReadOnlyList<TranscriptItem> transcript, string notes)
        : base(view)
    {
        Transcript = transcript;
        Notes = notes;
    }

    public IReadOnlyList<TranscriptItem> Transcript { get; init; }

    public string Notes { get; init; }
}
