using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Portals.Contents.Http;

/// <summary>Marks the module's endpoints, so its 401/403 bodies never change other modules' behaviour.</summary>
public sealed class ContentsApiMetadata
{
    public static readonly ContentsApiMetadata Instance = new();
}

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

    public static ProblemHttpResult Forbidden(string permission) =>
        TypedResults.Problem($"This client's roles do not grant the '{permission}' permission in this portal.",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("A bearer token of this portal is required (POST /{tenant}/connect/token, client credentials).",
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.");

    public static ValidationProblem Invalid(string key, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] }, title: "Invalid request.");
}

/// <summary>
/// Writes 401 and 403 of the API's endpoints as problems (with <c>WWW-Authenticate: Bearer</c> on 401) instead of
/// the schemes' bare status codes; other endpoints keep the default behaviour.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // Any endpoint guarded by the API scheme (content routes, other modules' permission policies) answers
        // 401/403 as problems; a default challenge would be forwarded to OpenIddict outside its request context.
        var apiEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<ContentsApiMetadata>() is not null
            || policy.AuthenticationSchemes.Contains(Security.ApiBearerScheme.Name);
        if (!apiEndpoint || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        ProblemHttpResult result;
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count > 0
                ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid, expired or issued by another portal.\""
                : "Bearer";
            result = ApiProblems.Unauthorized();
        }
        else
        {
            var permission = policy.Requirements.OfType<Security.PermissionRequirement>().FirstOrDefault()?.Permission ?? "?";
            result = ApiProblems.Forbidden(permission);
        }
        await result.ExecuteAsync(context);
    }
}
