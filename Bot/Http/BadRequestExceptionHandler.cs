using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Bot.Http;

/// <summary>
/// Turns what ASP.NET Core rejects before an endpoint runs (a query value that does not bind, such as <c>?k=abc</c>,
/// an unreadable body) into the problem details every endpoint answers with, at the status the framework chose,
/// instead of a 500.
/// </summary>
public sealed partial class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }
        await ApiProblem.Create(bad.StatusCode, "BadArgument", Describe(bad)).ExecuteAsync(httpContext);
        return true;
    }

    private static string Describe(BadHttpRequestException exception)
    {
        var binding = FailedBinding().Match(exception.Message);
        if (!binding.Success)
        {
            return exception.Message;
        }
        var value = binding.Groups["value"].Value;
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        return $"'{binding.Groups["name"].Value}' must be {Expected(binding.Groups["type"].Value)}, not \"{shown}\".";
    }

    // The endpoints bind only whole numbers and strings from the query; a string always binds.
    private static string Expected(string type) =>
        type is "int" or "Nullable<int>" or "long" or "Nullable<long>" ? "a whole number in range" : $"a valid {type}";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();
}
