using Microsoft.Extensions.Options;

namespace Portals.Web.Hosting;

public static class HealthServices
{
    /// <summary>The readiness probe behind <c>/health/ready</c> and its validated <c>Portals:Health</c> options.</summary>
    public static IServiceCollection AddPortalsHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddSingleton<ReadinessProbe>();
        return services;
    }
}
