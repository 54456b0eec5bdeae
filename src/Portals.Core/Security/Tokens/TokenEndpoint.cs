using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portals.Core.Http;
using Portals.Core.Tenants;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portals.Core.Security.Tokens;

/// <summary>
/// <c>POST /{tenant}/connect/token</c>: OpenIddict parses and validates the OAuth2 request, then passes it through
/// here once <see cref="ClientCredentialsValidation"/> has authenticated the client; we stamp the tenant into the token.
/// </summary>
public static class TokenEndpoint
{
    /// <summary>Maps the token endpoint of every tenant, under the token rate limit (failed requests count too).</summary>
    public static IEndpointRouteBuilder MapPortalsTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTenantGroup().MapPost("/connect/token", Exchange)
            .WithName("Token").WithTags("Authentication")
            .WithSummary("OAuth2 client-credentials token endpoint of the tenant.")
            .RequireCors(PortalsCors.Api)
            .RequireRateLimiting(PortalsRateLimits.TokenEndpoint)
            .Accepts<TokenRequestForm>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>(StatusCodes.Status200OK)
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();
        return endpoints;
    }

    public static Results<SignInHttpResult, ForbidHttpResult, BadRequest<OAuthError>> Exchange(
        HttpContext context, TenantContext tenant, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TokenEndpoint));
        if (context.GetOpenIddictServerRequest() is null)
        {
            // A path variant the token server did not take (it handles /connect/token and /connect/token/ only):
            // answer in OAuth2's shape rather than let a sign-in outside OpenIddict's request fail with a 500.
            return TypedResults.BadRequest(new OAuthError(Errors.InvalidRequest, "Send token requests to POST /{tenant}/connect/token.", null));
        }
        // ClientCredentialsValidation authenticated the client before OpenIddict passed the request through.
        var client = context.Features.Get<ApiClient>();
        if (client is null)
        {
            return TypedResults.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidClient,
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId);
        identity.SetClaim(Claims.Name, client.ClientId);
        identity.SetClaim(ApiAuthentication.TenantClaim, tenant.Name);
        identity.SetClaims(Claims.Role, [.. client.Roles]);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        CoreLog.TokenIssued(logger, tenant.Name, client.ClientId);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The form fields of a client-credentials request (documentation only; OpenIddict reads the form).</summary>
    public sealed record TokenRequestForm(string grant_type, string client_id, string client_secret, string? scope = null);

    public sealed record TokenResponse(string access_token, string token_type, int expires_in);

    /// <summary>
    /// OAuth2 errors keep RFC 6749's shape, which token clients expect, rather than RFC 7807. The optional members are
    /// left out when empty, as OpenIddict's own error responses do (and the OpenAPI schema then says they are optional).
    /// </summary>
    public sealed record OAuthError(
        string error,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? error_description = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? error_uri = null);
}
