using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Tenants;

namespace Portals.Contents.Http;

/// <summary>
/// Anonymous callers get <c>TenantOptions.AnonymousRequestsPerMinute</c> per IP address and tenant (fixed one-minute
/// window); requests with a token get the larger <c>Portals:Api:BearerRequestsPerMinute</c>. The limiter runs before
/// authorization, so requests are counted before any token is validated. Rejections are 429 problems with Retry-After.
/// </summary>
internal static class ContentsRateLimiting
{
    public const string PolicyName = "contents-anonymous";

    public static IServiceCollection AddContentsRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolicyName, Partition);
            options.OnRejected = OnRejectedAsync;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var tenant = context.Features.Get<TenantFeature>()?.Tenant;
        var bearer = context.Request.Headers.Authorization.Count > 0;
        var limit = bearer
            ? context.RequestServices.GetRequiredService<IOptions<ContentsApiOptions>>().Value.BearerRequestsPerMinute
            : tenant?.Options.AnonymousRequestsPerMinute ?? 600;
        var key = $"{(bearer ? "bearer" : "anonymous")}|{tenant?.Name}|{context.Connection.RemoteIpAddress}|{limit}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var tenant = context.Features.Get<TenantFeature>()?.Tenant;
        ContentsLog.RateLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentsRateLimiting)),
            context.Connection.RemoteIpAddress?.ToString(), tenant?.Name ?? "");
        var problem = TypedResults.Problem(
            $"Too many requests from this address for this portal; retry in {seconds} s. Anonymous clients may make {tenant?.Options.AnonymousRequestsPerMinute} requests per minute.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.");
        await problem.ExecuteAsync(context);
    }
}
