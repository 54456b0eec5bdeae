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
using Portals.Core.Tenants;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portals.Contents.Security;

/// <summary>
/// <c>POST /{tenant}/connect/token</c>: OpenIddict parses and validates the OAuth2 request, then passes it through
/// here once <see cref="ClientCredentialsValidation"/> has authenticated the client; we stamp the tenant into the token.
/// </summary>
public static class TokenEndpoint
{
    public static RouteGroupBuilder MapTokenEndpoint(this RouteGroupBuilder tenantGroup)
    {
        tenantGroup.MapPost("/connect/token", Exchange)
            .WithName("Token").WithTags("Authentication")
            .WithSummary("OAuth2 client-credentials token endpoint of the tenant.")
            .Accepts<TokenRequestForm>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>(StatusCodes.Status200OK)
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .DisableAntiforgery();
        return tenantGroup;
    }

    public static Results<SignInHttpResult, ForbidHttpResult> Exchange(
        HttpContext context, TenantContext tenant, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TokenEndpoint));
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
        ContentsLog.TokenIssued(logger, tenant.Name, client.ClientId);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The form fields of a client-credentials request (documentation only; OpenIddict reads the form).</summary>
    public sealed record TokenRequestForm(string grant_type, string client_id, string client_secret, string? scope);

    public sealed record TokenResponse(string access_token, string token_type, int expires_in);

    /// <summary>OAuth2 errors keep RFC 6749's shape, which token clients expect, rather than RFC 7807.</summary>
    public sealed record OAuthError(string error, string? error_description, string? error_uri);
}
