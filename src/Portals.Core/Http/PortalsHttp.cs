using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Security.Tokens;
using Portals.Core.Tenants;

namespace Portals.Core.Http;

/// <summary>
/// The HTTP policies every module's routes share: trusted proxies, security headers, HEAD, CORS
/// (<see cref="PortalsCors"/>), rate limits (<see cref="PortalsRateLimits"/>), bearer tokens and permission policies
/// (<see cref="ApiPolicies"/>), and the API clients behind the tokens (<see cref="ApiClients"/>).
/// </summary>
public static class PortalsHttp
{
    public static IServiceCollection AddPortalsHttp(this IServiceCollection services)
    {
        services.AddOptions<ApiSecurityOptions>().BindConfiguration(ApiSecurityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiSecurityOptions>, ApiSecurityOptionsValidator>();
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) => trusted.Value.ApplyTo(forwarded));
        // Version details help attackers only.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        services.AddSingleton<IModelContributor, ApiClientsModel>();
        services.AddSingleton<ITenantSetupContributor, ApiClientSetup>();
        services.AddSingleton<ClientSecrets>();
        services.AddSingleton<ApiClientStatus>();
        services.AddSingleton<ApiClients>();
        services.AddSingleton<ContentPermissions>();

        services.AddApiAuthentication();
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, NoInvalidTokenHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddAuthorization(ApiPolicies.Add);
        services.AddCors();
        services.Replace(ServiceDescriptor.Transient<ICorsPolicyProvider, PortalsCorsPolicyProvider>());
        services.AddPortalsRateLimits();
        return services;
    }

    /// <summary>First in the pipeline: the real client address from trusted proxies, security headers, HEAD as GET.</summary>
    public static IApplicationBuilder UsePortalsEdge(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }
        return app.UseMiddleware<SecurityHeaders>().UseMiddleware<HeadRequests>();
    }

    /// <summary>
    /// After routing: CORS, rate limits, then the token server and bearer authentication, then authorization. The
    /// limiter runs before OpenIddict, which answers failed token requests itself, so those are counted. Bearer tokens
    /// are authenticated by the policies; the authentication middleware only runs OpenIddict's request handling, so
    /// it is skipped for anonymous requests (the public reads, the hot path).
    /// </summary>
    public static IApplicationBuilder UsePortalsApi(this IApplicationBuilder app)
    {
        // WebApplication adds UseAuthentication() at the very start of the pipeline (before tenant resolution) unless
        // the app builder carries this flag, which UseAuthentication() inside a branch cannot set on the main builder.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        return app
            .UseCors()
            .UseRateLimiter()
            .UseWhen(NeedsOpenIddict, openIddict => openIddict.UseAuthentication())
            .UseAuthorization();
    }

    /// <summary>OpenIddict's server handles token requests; its validation needs a request-level context for bearer tokens.</summary>
    private static bool NeedsOpenIddict(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0
        || context.Request.Path.Value?.TrimEnd('/').EndsWith("/connect/token", StringComparison.OrdinalIgnoreCase) == true;
}

public static class PortalsApiConventions
{
    /// <summary>
    /// The policies of a JSON API route or group of any module: CORS <see cref="PortalsCors.Api"/>, the
    /// <see cref="PortalsRateLimits.Anonymous"/> rate limit, <see cref="ApiPolicies.PublicRead"/> (a token, if sent, must
    /// be valid), 401/403 as problems, a strict CSP, and the 429 problem in OpenAPI. Add permission policies per route.
    /// </summary>
    public static TBuilder WithPortalsApiPolicies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder
        .WithMetadata(PortalsApiMetadata.Instance, ContentSecurityPolicyMetadata.Api,
            new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]))
        .RequireCors(PortalsCors.Api)
        .RequireRateLimiting(PortalsRateLimits.Anonymous)
        .RequireAuthorization(ApiPolicies.PublicRead);
}
