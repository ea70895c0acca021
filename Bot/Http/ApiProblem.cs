using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bot.Http;

/// <summary>
/// RFC 7807 problem details that also carry the Bot Framework <c>error</c> object (<c>{ code, message }</c>),
/// so Direct Line clients and plain HTTP clients both understand the failure.
/// </summary>
public static class ApiProblem
{
    public static ProblemHttpResult Create(int status, string code, string message) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = TitleFor(status),
            Detail = message,
            Extensions = { ["error"] = new { code, message } },
        });

    public static ProblemHttpResult BadArgument(string message) => Create(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static ProblemHttpResult Unauthorized(string message) => Create(StatusCodes.Status401Unauthorized, "BadArgument", message);

    public static ProblemHttpResult Forbidden(string code, string message) => Create(StatusCodes.Status403Forbidden, code, message);

    public static ProblemHttpResult NotFound(string message) => Create(StatusCodes.Status404NotFound, "BadArgument", message);

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        501 => "Not implemented",
        502 => "Bad gateway",
        503 => "Service unavailable",
        _ => "Error",
    };
}
