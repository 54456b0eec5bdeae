using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Portals.Core.Telemetry;

/// <summary>
/// Metrics and traces of the content store: one histogram and one span per write transaction, from taking the
/// tenant's write lock (waiting included) to its commit or rollback. Static, like the framework's own sources: the
/// store is built in many places (host, CLI, tests) and an exporter subscribes by name.
/// </summary>
public static class StoreTelemetry
{
    public const string Name = "Portals.Store";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Bucket bounds in seconds, 1 ms to 10 s (the SDK's default bounds are meant for milliseconds).</summary>
    public static readonly IReadOnlyList<double> SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> TransactionDuration = Meter.CreateHistogram<double>(
        "portals.store.transaction.duration", "s", "Write transactions of the content store, lock wait included, by tenant and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary>Starts measuring a write transaction of <paramref name="tenant"/>; end it exactly once.</summary>
    public static StoreTransaction Begin(string tenant) => new(tenant, Stopwatch.GetTimestamp(), Source.StartActivity("store transaction")?.SetTag(PortalsTags.Tenant, tenant));

    /// <summary>One write transaction being measured.</summary>
    public sealed class StoreTransaction(string tenant, long started, Activity? activity)
    {
        private bool _ended;

        public void End(bool committed)
        {
            if (_ended)
            {
                return;
            }
            _ended = true;
            var outcome = committed ? "commit" : "rollback";
            TransactionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(PortalsTags.Tenant, tenant), new KeyValuePair<string, object?>(PortalsTags.Outcome, outcome));
            if (activity is not null)
            {
                activity.SetTag(PortalsTags.Outcome, outcome);
                activity.Stop();
            }
        }
    }
}

/// <summary>Tag names shared by the Portals meters, spans and the request metrics.</summary>
public static class PortalsTags
{
    public const string Tenant = "portals.tenant";
    public const string Outcome = "portals.outcome";
}
