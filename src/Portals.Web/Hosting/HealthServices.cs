using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portals.Web.Hosting;

public static class HealthServices
{
    /// <summary>The probes' own rate limit: <see cref="HealthOptions.RequestsPerMinute"/> per client address.</summary>
    public const string ProbeRateLimit = "portals-probes";

    /// <summary>The readiness probe behind <c>/health/ready</c>, its validated <c>Portals:Health</c> options and rate limit.</summary>
    public static IServiceCollection AddPortalsHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddSingleton<ReadinessProbe>();
        // Rejections go through the shared OnRejected (a 429 problem with Retry-After, see PortalsRateLimits).
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(ProbeRateLimit, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<HealthOptions>>().Value.RequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter($"probe|{context.Connection.RemoteIpAddress}|{limit}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }));
        return services;
    }
}
