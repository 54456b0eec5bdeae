using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portals.Core.Tenants;

namespace Portals.Contents.Http;

/// <summary>
/// Anonymous callers get <c>TenantOptions.AnonymousRequestsPerMinute</c> per IP address and tenant (fixed one-minute
/// window); token holders are identified clients and are not limited here. Rejections are 429 problems with Retry-After.
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
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return RateLimitPartition.GetNoLimiter("authenticated");
        }
        var tenant = context.Features.Get<TenantFeature>()?.Tenant;
        var limit = tenant?.Options.AnonymousRequestsPerMinute ?? 600;
        var key = $"{tenant?.Name}|{context.Connection.RemoteIpAddress}|{limit}";
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
            $"Anonymous clients may make {tenant?.Options.AnonymousRequestsPerMinute} requests per minute; retry in {seconds} s, or use a token.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.");
        await problem.ExecuteAsync(context);
    }
}
