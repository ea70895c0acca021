namespace Bot.Core.Schema;

/// <summary>An error code and message, as carried by <see cref="ErrorResponse"/>.</summary>
public sealed class Error
{
    public Error()
    {
    }

    public Error(string? code, string? message)
    {
        Code = code;
        Message = message;
    }

    public string? Code { get; set; }

    public string? Message { get; set; }
}
