using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Security.Tokens;
using Portals.Core.Tenants;

namespace Portals.Core.Http;

/// <summary>
/// Rate-limit policies for every module's routes, per client IP address (the real client behind a trusted proxy, see
/// <see cref="TrustedProxyOptions"/>) and tenant, in fixed one-minute windows. The limiter runs before authentication
/// and before the token server, so bad tokens and failed token requests are counted too. Rejections are 429 problems
/// with <c>Retry-After</c>.
/// </summary>
public static class PortalsRateLimits
{
    /// <summary>
    /// Public API routes: <c>TenantOptions.AnonymousRequestsPerMinute</c> without a token (outside a tenant:
    /// <c>Portals:Api:AnonymousRequestsPerMinute</c>); requests carrying an Authorization header get the larger
    /// <c>Portals:Api:BearerRequestsPerMinute</c>.
    /// </summary>
    public const string Anonymous = "portals-anonymous";

    /// <summary>The token endpoint: <c>Portals:Api:TokenRequestsPerMinute</c>, failed requests included.</summary>
    public const string TokenEndpoint = "portals-token";

    internal static IServiceCollection AddPortalsRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Anonymous, AnonymousPartition);
            options.AddPolicy(TokenEndpoint, TokenPartition);
            options.OnRejected = OnRejectedAsync;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });

    private static RateLimitPartition<string> AnonymousPartition(HttpContext context)
    {
        var tenant = context.Features.Get<TenantFeature>()?.Tenant;
        // Tokens belong to a tenant: outside one, an Authorization header earns no larger budget.
        var bearer = tenant is not null && context.Request.Headers.Authorization.Count > 0;
        var api = Options(context);
        var limit = bearer ? api.BearerRequestsPerMinute : tenant?.Options.AnonymousRequestsPerMinute ?? api.AnonymousRequestsPerMinute;
        return Window($"{(bearer ? "bearer" : "anonymous")}|{tenant?.Name}|{context.Connection.RemoteIpAddress}|{limit}", limit);
    }

    private static RateLimitPartition<string> TokenPartition(HttpContext context)
    {
        var tenant = context.Features.Get<TenantFeature>()?.Tenant;
        var limit = Options(context).TokenRequestsPerMinute;
        return Window($"token|{tenant?.Name}|{context.Connection.RemoteIpAddress}|{limit}", limit);
    }

    private static ApiSecurityOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<ApiSecurityOptions>>().Value;

    private static RateLimitPartition<string> Window(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var tenant = context.Features.Get<TenantFeature>()?.Tenant;
        CoreLog.RateLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalsRateLimits)),
            context.Connection.RemoteIpAddress?.ToString(), tenant?.Name ?? "");
        var problem = TypedResults.Problem(
            $"Too many requests from this address for this portal; retry in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.");
        await problem.ExecuteAsync(context);
    }
}
