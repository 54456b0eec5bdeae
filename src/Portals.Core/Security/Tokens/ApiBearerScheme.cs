using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace Portals.Core.Security.Tokens;

/// <summary>
/// The scheme the API's policies name (<see cref="ApiPolicies.BearerScheme"/>). A request with an Authorization header is forwarded to OpenIddict validation;
/// one without is anonymous at once, so public reads skip token validation entirely (the hot path).
/// </summary>
internal sealed class ApiBearerScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static void Configure(AuthenticationSchemeOptions options)
    {
        options.ForwardDefaultSelector = context => context.Request.Headers.Authorization.Count > 0
            ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : null;
        options.ForwardChallenge = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        options.ForwardForbid = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
