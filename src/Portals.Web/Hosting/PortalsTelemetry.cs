using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portals.Core.Telemetry;
using Portals.Search.Telemetry;

namespace Portals.Web.Hosting;

/// <summary>
/// Metrics, traces and log correlation of a serving node. Meters: ASP.NET Core's (<c>http.server.request.duration</c>
/// by route, with <c>portals.tenant</c> added by the tenant middleware), the runtime's, <c>Portals.Store</c>
/// (write transactions) and <c>Portals.Search</c> (latency, lag, index size). Sources: ASP.NET Core's requests,
/// <c>Portals.Store</c>, <c>Portals.Search</c>. Exported with OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the standard <c>OTEL_*</c> variables configure it), otherwise metrics are scraped at <c>/metrics</c>.
/// </summary>
public static class PortalsTelemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>Records spans without OTLP, for an exporter registered by other means.</summary>
    public const string TracesSetting = "Portals:Telemetry:Traces";

    public static WebApplicationBuilder AddPortalsTelemetry(this WebApplicationBuilder builder)
    {
        // Every log line written inside a request carries its trace and span ids (with the tenant scope, see
        // TenantResolutionMiddleware); the console formatter writes them when IncludeScopes is set (appsettings.json).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var otlp = UsesOtlp(builder.Configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("portals", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(StoreTelemetry.Name, SearchTelemetry.Name);
                if (!otlp)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        // Spans are recorded only when something takes them: OTLP, or Portals:Telemetry:Traces for another exporter
        // (a test's in-memory one). ASP.NET Core starts each request's activity either way, so the trace ids in logs
        // and problems do not depend on it.
        if (otlp || builder.Configuration.GetValue<bool>(TracesSetting))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddSource(StoreTelemetry.Name, SearchTelemetry.Name));
        }
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when metrics are not pushed with OTLP. Anonymous, no rate limit, not API.</summary>
    public static IEndpointRouteBuilder MapPortalsTelemetry(this IEndpointRouteBuilder endpoints)
    {
        if (!UsesOtlp(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            endpoints.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        }
        return endpoints;
    }

    private static bool UsesOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>Probes and scrapes every few seconds would drown the request traces; their metrics are kept.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
