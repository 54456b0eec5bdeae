using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Portals.Core.Security;

namespace Portals.Core.Http;

/// <summary>Marks JSON API endpoints (<see cref="PortalsApiConventions.WithPortalsApiPolicies"/>): their 401/403 are problems.</summary>
public sealed class PortalsApiMetadata
{
    public static readonly PortalsApiMetadata Instance = new();
}

/// <summary>The 401 and 403 problems of API routes, also for handlers that check a permission themselves.</summary>
public static class AuthProblems
{
    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem("A bearer token of this portal is required (POST /{tenant}/connect/token, client credentials).",
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.");

    public static ProblemHttpResult Forbidden(string permission) =>
        TypedResults.Problem($"This client's roles do not grant the '{permission}' permission in this portal.",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
}

/// <summary>
/// Writes 401 and 403 of API endpoints as problems (with <c>WWW-Authenticate: Bearer</c> on 401) instead of the
/// schemes' bare status codes; other endpoints (e.g. cookie-based pages) keep the default behaviour.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // Any endpoint guarded by the API scheme answers 401/403 as problems; a default challenge would be
        // forwarded to OpenIddict outside its request context.
        var apiEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<PortalsApiMetadata>() is not null
            || policy.AuthenticationSchemes.Contains(ApiPolicies.BearerScheme);
        if (!apiEndpoint || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        ProblemHttpResult result;
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count > 0
                ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid, expired, revoked or issued by another portal.\""
                : "Bearer";
            result = AuthProblems.Unauthorized();
        }
        else
        {
            var permission = policy.Requirements.OfType<PermissionRequirement>().FirstOrDefault()?.Permission ?? "?";
            result = AuthProblems.Forbidden(permission);
        }
        await result.ExecuteAsync(context);
    }
}
