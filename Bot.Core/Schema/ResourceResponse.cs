namespace Bot.Core.Schema;

/// <summary>The id a channel gave to a sent activity.</summary>
public sealed class ResourceResponse
{
    public ResourceResponse()
    {
    }

    public ResourceResponse(string? id)
    {
        Id = id;
    }

    public string? Id { get; set; }
}
