namespace Bot.Core.Schema;

/// <summary>A list of activities, as attached to a handoff initiation.</summary>
public sealed class Transcript
{
    public Transcript()
    {
    }

    public Transcript(IEnumerable<Activity> activities)
    {
        Activities = activities.ToList();
    }

    public List<Activity> Activities { get; set; } = [];
}
