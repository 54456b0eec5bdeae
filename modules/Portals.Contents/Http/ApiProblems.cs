using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Portals.Core.Http;

namespace Portals.Contents.Http;

/// <summary>RFC 7807 problems; <see cref="ProblemHttpResult"/> goes through the problem details service, which adds the traceId.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static ProblemHttpResult PreconditionFailed() =>
        TypedResults.Problem("The item changed since the ETag given in If-Match was read; fetch it again and reapply your change.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed.");

    public static ProblemHttpResult Forbidden(string permission) => AuthProblems.Forbidden(permission);

    public static ProblemHttpResult Unauthorized() => AuthProblems.Unauthorized();

    public static ValidationProblem Invalid(string key, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] }, title: "Invalid request.");
}
