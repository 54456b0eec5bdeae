using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Telemetry;
using Portals.Core.Tenants;

namespace Portals.Search.Telemetry;

/// <summary>
/// The search module's meter (<c>Portals.Search</c>): query latency, and gauges read at collection time per running
/// tenant (documents indexed, change-log lag) and for the node (bytes of the index folder). Holds no tenant data:
/// every gauge reads the index or the database when collected.
/// </summary>
public sealed class SearchTelemetry
{
    public const string Name = "Portals.Search";

    /// <summary>The tenant tag of a search over both portals.</summary>
    public const string AllTenants = "all";

    public static readonly ActivitySource Source = new(Name);

    // Gauges are read when an exporter collects (a scrape, an OTLP interval): bounded, so a slow database never
    // stalls a scrape for long.
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);

    private readonly Histogram<double> _duration;
    private readonly IServiceProvider _services;

    public SearchTelemetry(IMeterFactory meters, IServiceProvider services, SearchIndexFolder? folder = null)
    {
        _services = services;
        var meter = meters.Create(Name);
        _duration = meter.CreateHistogram<double>("portals.search.duration", "s", "Search and suggestion queries, by operation and tenant filter.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StoreTelemetry.SecondsBuckets });
        meter.CreateObservableGauge("portals.search.lag", ReadLag, "{change}", "Changes in the tenant's change log not yet in this node's index.");
        meter.CreateObservableGauge("portals.search.documents", ReadDocuments, "{document}", "Documents of the tenant in this node's index.");
        if (folder is not null)
        {
            meter.CreateObservableGauge("portals.search.index.size", () => folder.Bytes(), "By", "Bytes of this node's index folder (both tenants).");
        }
    }

    internal void RecordSearch(string operation, string tenant, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("portals.search.operation", operation),
            new KeyValuePair<string, object?>(PortalsTags.Tenant, tenant), new KeyValuePair<string, object?>(PortalsTags.Outcome, outcome));

    private IEnumerable<Measurement<long>> ReadLag() => PerRunningTenant(async (tenant, ct) =>
        (await _services.GetRequiredService<IndexLag>().ReadAsync(tenant, ct)).Lag);

    private IEnumerable<Measurement<long>> ReadDocuments() => PerRunningTenant(async (tenant, ct) =>
        (await _services.GetRequiredService<ISearchIndex>().GetStatusAsync(tenant.Name, ct)).Documents);

    /// <summary>
    /// Observable instruments call back synchronously; the reads are asynchronous, so they are waited for here, with a
    /// timeout. A tenant whose read fails is left out of that collection rather than reported as 0.
    /// </summary>
    private List<Measurement<long>> PerRunningTenant(Func<TenantContext, CancellationToken, Task<long>> read)
    {
        var states = _services.GetRequiredService<TenantStates>();
        var running = _services.GetRequiredService<TenantRegistry>().All.Where(t => states.Get(t.Name) == TenantState.Running).ToList();
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var reads = running.Select(t => (Tenant: t, Value: Task.Run(() => read(t, timeout.Token), timeout.Token))).ToList();
        var measurements = new List<Measurement<long>>();
        foreach (var (tenant, value) in reads)
        {
            try
            {
                measurements.Add(new Measurement<long>(value.GetAwaiter().GetResult(), new KeyValuePair<string, object?>(PortalsTags.Tenant, tenant.Name)));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Left out: an absent series says "unknown", which is what it is; /health/ready names the cause.
            }
        }
        return measurements;
    }
}

/// <summary>The folder an engine keeps its index in, when it has one on this node (Lucene does).</summary>
public sealed record SearchIndexFolder(string Path)
{
    public long Bytes() => Directory.Exists(Path)
        ? new DirectoryInfo(Path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => SafeLength(f))
        : 0;

    private static long SafeLength(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (FileNotFoundException)
        {
            // A segment merged away between listing and reading.
            return 0;
        }
    }
}
