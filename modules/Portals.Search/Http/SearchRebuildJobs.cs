using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portals.Core.Tenants;
using Portals.Search.Indexing;

namespace Portals.Search.Http;

public enum RebuildState
{
    Running,
    Completed,
    Failed,
}

/// <summary>What an administrator sees of a rebuild: counts and state, never content.</summary>
public sealed record RebuildStatus(string Id, string Tenant, RebuildState State, long Done, long Total, DateTimeOffset StartedUtc, DateTimeOffset? FinishedUtc, string? Error);

/// <summary>Runs one online rebuild per tenant at a time and keeps its progress for the status route.</summary>
public sealed class SearchRebuildJobs(SearchIndexer indexer, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<SearchRebuildJobs> logger)
{
    private readonly ConcurrentDictionary<string, RebuildStatus> _latest = new(StringComparer.OrdinalIgnoreCase);

    public RebuildStatus? Latest(string tenant) => _latest.GetValueOrDefault(tenant);

    /// <summary>Starts a rebuild unless one is running for the tenant; returns the job that runs.</summary>
    public RebuildStatus Start(TenantContext tenant)
    {
        var started = new RebuildStatus(Guid.NewGuid().ToString("n"), tenant.Name, RebuildState.Running, 0, 0, clock.GetUtcNow(), null, null);
        var current = _latest.AddOrUpdate(tenant.Name, started, (_, existing) => existing.State == RebuildState.Running ? existing : started);
        if (ReferenceEquals(current, started))
        {
            _ = Task.Run(() => RunAsync(tenant, started), lifetime.ApplicationStopping);
        }
        return current;
    }

    private async Task RunAsync(TenantContext tenant, RebuildStatus job)
    {
        try
        {
            var progress = new InlineProgress(p => _latest[tenant.Name] = job with { Done = p.Done, Total = p.Total });
            await indexer.RebuildAsync(tenant, progress, lifetime.ApplicationStopping);
            var last = _latest[tenant.Name];
            _latest[tenant.Name] = last with { State = RebuildState.Completed, FinishedUtc = clock.GetUtcNow() };
        }
        catch (Exception ex)
        {
            SearchLog.RebuildFailed(logger, ex, tenant.Name);
            _latest[tenant.Name] = _latest[tenant.Name] with { State = RebuildState.Failed, FinishedUtc = clock.GetUtcNow(), Error = ex.Message };
        }
    }

    private sealed class InlineProgress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }
}
