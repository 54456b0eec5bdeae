using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portals.Core.Tenants;

namespace Portals.Core.Http;

/// <summary>The CORS policy of every module's API routes (<see cref="Api"/>), per tenant.</summary>
public static class PortalsCors
{
    /// <summary>
    /// With <c>TenantOptions.CorsOrigins</c> holding <c>*</c>, any origin may make anonymous GET/HEAD requests; writes and
    /// token-carrying requests are allowed only from origins listed explicitly. Routes outside a tenant allow
    /// anonymous reads from any origin.
    /// </summary>
    public const string Api = "portals-api";
}

/// <summary>
/// CORS per tenant (<c>TenantOptions.CorsOrigins</c>): with <c>*</c>, any origin may make anonymous GETs;
/// writes and token-carrying requests are allowed only from origins listed explicitly. No credentials: the API
/// never uses cookies. Other policy names fall back to the default provider.
/// </summary>
internal sealed class PortalsCorsPolicyProvider(IOptions<CorsOptions> options) : ICorsPolicyProvider
{
    private static readonly string[] Exposed = ["ETag", "Retry-After", "WWW-Authenticate"];
    private readonly DefaultCorsPolicyProvider _default = new(options);

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PortalsCors.Api)
        {
            return _default.GetPolicyAsync(context, policyName);
        }
        var tenant = context.Features.Get<TenantFeature>()?.Tenant;
        var origins = tenant?.Options.CorsOrigins ?? ["*"];
        var listed = origins.Where(o => o != "*").ToArray();
        var builder = new CorsPolicyBuilder().WithExposedHeaders(Exposed).SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        if (origins.Contains("*") && IsAnonymousRead(context) && !IsListed(context, listed))
        {
            builder.AllowAnyOrigin().WithMethods("GET", "HEAD").WithHeaders("If-None-Match", "Accept", "Accept-Language");
        }
        else
        {
            builder.WithOrigins(listed).AllowAnyMethod().AllowAnyHeader();
        }
        return Task.FromResult<CorsPolicy?>(builder.Build());
    }

    private static bool IsListed(HttpContext context, string[] listed) =>
        listed.Contains(context.Request.Headers.Origin.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A GET without a token, or its preflight (which only names the method and headers it will send).</summary>
    private static bool IsAnonymousRead(HttpContext context)
    {
        var request = context.Request;
        var preflight = HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(CorsConstants.AccessControlRequestMethod);
        var method = preflight ? request.Headers.AccessControlRequestMethod.ToString() : request.Method;
        var withToken = preflight
            ? request.Headers.AccessControlRequestHeaders.ToString().Contains("authorization", StringComparison.OrdinalIgnoreCase)
            : request.Headers.Authorization.Count > 0;
        return (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && !withToken;
    }
}
