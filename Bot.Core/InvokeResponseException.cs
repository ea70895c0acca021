using System.Net;
using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>Thrown inside invoke handling to answer with a given status and body.</summary>
/// <remarks>The SDK nests this in ActivityHandler as a protected class; here it is a top-level type.</remarks>
public sealed class InvokeResponseException : Exception
{
    private readonly object? _body;

    public InvokeResponseException()
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public InvokeResponseException(string message)
        : base(message)
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public InvokeResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = HttpStatusCode.InternalServerError;
    }

    public InvokeResponseException(HttpStatusCode statusCode, object? body = null)
        : base($"Invoke failed with status {(int)statusCode}.")
    {
        StatusCode = statusCode;
        _body = body;
    }

    public HttpStatusCode StatusCode { get; }

    public InvokeResponse CreateInvokeResponse() => new() { Status = (int)StatusCode, Body = _body };
}
