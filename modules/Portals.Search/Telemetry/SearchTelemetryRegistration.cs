using Microsoft.Extensions.DependencyInjection;

namespace Portals.Search.Telemetry;

internal static class SearchTelemetryRegistration
{
    /// <summary>
    /// Measures the engine registered before it: the <see cref="ISearchIndex"/> registration is replaced by
    /// <see cref="InstrumentedSearchIndex"/> over it, and the meter's gauges start with it.
    /// </summary>
    public static IServiceCollection AddSearchTelemetry(this IServiceCollection services)
    {
        var engine = services.Last(d => d.ServiceType == typeof(ISearchIndex));
        services.Remove(engine);
        services.AddMetrics();
        services.AddSingleton<SearchTelemetry>(sp => new SearchTelemetry(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp, sp.GetService<SearchIndexFolder>()));
        services.AddSingleton<IndexLag>();
        services.AddSingleton<ISearchIndex>(sp => new InstrumentedSearchIndex(Resolve(sp, engine), sp.GetRequiredService<SearchTelemetry>()));
        return services;
    }

    private static ISearchIndex Resolve(IServiceProvider services, ServiceDescriptor engine) => (ISearchIndex)(
        engine.ImplementationInstance
        ?? engine.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, engine.ImplementationType!));
}
