namespace Bot.Core.Schema;

/// <summary>The error body of the Bot Framework REST APIs.</summary>
public sealed class ErrorResponse
{
    public ErrorResponse()
    {
    }

    public ErrorResponse(Error? error)
    {
        Error = error;
    }

    public Error? Error { get; set; }
}
