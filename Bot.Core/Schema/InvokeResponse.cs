namespace Bot.Core.Schema;

/// <summary>The HTTP status and body returned for an invoke activity.</summary>
public sealed class InvokeResponse
{
    public int Status { get; set; }

    public object? Body { get; set; }

    public bool IsSuccessStatusCode() => Status is >= 200 and <= 299;
}
