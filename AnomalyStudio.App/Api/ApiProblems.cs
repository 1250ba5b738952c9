using Microsoft.AspNetCore.Http.HttpResults;

namespace AnomalyStudio.App.Api;

/// <summary>
/// RFC 7807 problem details as the API writes them: title and detail carry the message, and an <c>error</c>
/// member repeats it so clients written against the reference design's <c>{"error": …}</c> keep working.
/// </summary>
public static class ApiProblems
{
    public const string ErrorMember = "error";

    public static ProblemHttpResult BadRequest(string message) => Of(StatusCodes.Status400BadRequest, message);

    public static ProblemHttpResult Of(int statusCode, string message) => TypedResults.Problem(
        detail: message,
        statusCode: statusCode,
        title: message,
        extensions: new Dictionary<string, object?> { [ErrorMember] = message });

    /// <summary>
    /// Adds the <c>error</c> member to problem details the framework writes itself (unhandled errors, 404, 405),
    /// so every API error has it. It repeats the detail or the title, never an exception's message or stack.
    /// </summary>
    public static void AddErrorMember(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey(ErrorMember))
        {
            problem.Extensions[ErrorMember] = problem.Detail ?? problem.Title;
        }
    }
}
