using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portals.Core.Cluster;
using Portals.Core.Data;
using Portals.Core.Tenants;
using Portals.Search.Indexing;

namespace Portals.Search.Http;

public enum RebuildState
{
    Running,
    Completed,
    Failed,
}

/// <summary>
/// What an administrator sees of a rebuild: counts and state, never content. <see cref="Generation"/> counts the
/// tenant's rebuilds in the cluster (PostgreSQL; 0 on SQLite) and <see cref="NodeGeneration"/> is the one this
/// node's own index was last rebuilt for: equal once the answering node caught up.
/// </summary>
public sealed record RebuildStatus(string Id, string Tenant, RebuildState State, long Done, long Total, DateTimeOffset StartedUtc, DateTimeOffset? FinishedUtc, string? Error)
{
    public long Generation { get; init; }

    public long NodeGeneration { get; init; }
}

/// <summary>
/// Runs one online rebuild per tenant at a time and keeps its progress for the status route. On SQLite (one node) the
/// job and its progress live in this process. On PostgreSQL the job is the cluster's: the node that takes the
/// tenant's rebuild lock runs it and keeps its progress in the tenant database (<see cref="ClusterRebuilds"/>), so a
/// start or a poll on any node sees it; every other node rebuilds its own index when it sees the new generation.
/// </summary>
public sealed class SearchRebuildJobs(SearchIndexer indexer, ClusterRebuilds cluster, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<SearchRebuildJobs> logger)
{
    private readonly ConcurrentDictionary<string, RebuildStatus> _latest = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RebuildStatus?> LatestAsync(TenantContext tenant, CancellationToken cancellationToken) =>
        ClusterLock.IsClustered(tenant) ? await cluster.ReadAsync(tenant, cancellationToken) : _latest.GetValueOrDefault(tenant.Name);

    /// <summary>Starts a rebuild unless one is running for the tenant (in the cluster, on PostgreSQL); returns the job that runs.</summary>
    public async Task<RebuildStatus> StartAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!ClusterLock.IsClustered(tenant))
        {
            return StartLocal(tenant);
        }
        var held = await ClusterLock.TryAcquireAsync(tenant, PostgreSqlDatabaseProvider.SearchRebuildLockKey, cancellationToken);
        if (held is null)
        {
            // Another node (or this one) runs it; between its lock and its first row, report it running all the same.
            return await cluster.ReadAsync(tenant, cancellationToken) is { State: RebuildState.Running } running
                ? running
                : new RebuildStatus("", tenant.Name, RebuildState.Running, 0, 0, clock.GetUtcNow(), null, null);
        }
        try
        {
            var started = await cluster.BeginAsync(tenant, cancellationToken);
            _ = Task.Run(() => RunClusterJobAsync(tenant, started, held), lifetime.ApplicationStopping);
            return started;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    private RebuildStatus StartLocal(TenantContext tenant)
    {
        var started = new RebuildStatus(Guid.NewGuid().ToString("n"), tenant.Name, RebuildState.Running, 0, 0, clock.GetUtcNow(), null, null);
        var current = _latest.AddOrUpdate(tenant.Name, started, (_, existing) => existing.State == RebuildState.Running ? existing : started);
        if (ReferenceEquals(current, started))
        {
            _ = Task.Run(() => RunLocalJobAsync(tenant, started), lifetime.ApplicationStopping);
        }
        return current;
    }

    private async Task RunLocalJobAsync(TenantContext tenant, RebuildStatus job)
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

    /// <summary>The cluster's job, on the node holding the lock: the row is final before the lock is released.</summary>
    private async Task RunClusterJobAsync(TenantContext tenant, RebuildStatus job, ClusterLock held)
    {
        var stopping = lifetime.ApplicationStopping;
        await using (held)
        {
            var last = job;
            using var finished = new CancellationTokenSource();
            var saving = SaveProgressAsync(tenant, () => last, finished.Token);
            try
            {
                await indexer.RebuildAsync(tenant, new InlineProgress(p => last = last with { Done = p.Done, Total = p.Total }), stopping);
                await StopAsync(finished, saving);
                await cluster.SaveAsync(tenant, last with { State = RebuildState.Completed, FinishedUtc = clock.GetUtcNow() }, stopping);
                cluster.RebuiltLocally(tenant, job.Generation);
            }
            catch (Exception ex)
            {
                SearchLog.RebuildFailed(logger, ex, tenant.Name);
                await StopAsync(finished, saving);
                await cluster.SaveAsync(tenant, last with { State = RebuildState.Failed, FinishedUtc = clock.GetUtcNow(), Error = ex.Message }, CancellationToken.None);
            }
        }
    }

    /// <summary>Progress rows twice a second at most, whatever the batch rate; written one at a time, in order.</summary>
    private async Task SaveProgressAsync(TenantContext tenant, Func<RebuildStatus> current, CancellationToken finished)
    {
        var saved = current();
        while (!finished.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), clock, finished);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (current() is var now && now != saved)
            {
                try
                {
                    await cluster.SaveAsync(tenant, now, CancellationToken.None);
                    saved = now;
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException)
                {
                    // The rebuild goes on; the page shows the previous figures until a save succeeds.
                    SearchLog.RebuildProgressNotSaved(logger, ex, tenant.Name);
                }
            }
        }
    }

    private static async Task StopAsync(CancellationTokenSource finished, Task saving)
    {
        await finished.CancelAsync();
        await saving;
    }

    private sealed class InlineProgress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }
}
