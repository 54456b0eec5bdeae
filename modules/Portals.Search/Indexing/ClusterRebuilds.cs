using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portals.Core.Cluster;
using Portals.Core.Data;
using Portals.Core.Tenants;
using Portals.Search.Http;

namespace Portals.Search.Indexing;

/// <summary>
/// A PostgreSQL tenant's search rebuild as the cluster sees it. Every node has its own index, so "once in the
/// cluster" means: one rebuild job per tenant at a time (the node holding the tenant's rebuild lock runs it), its
/// progress in the tenant database (document <c>search.rebuild</c>, so a poll on any node shows it) with a
/// generation that grows with each job, and every node rebuilding its own index once for each new generation it
/// sees (<see cref="FollowAsync"/>, from the indexing loop). The generation a node's index was rebuilt for is kept
/// in its data folder (<c>Sites/{tenant}/search-rebuild.generation</c>), so a restart does not rebuild again.
/// </summary>
public sealed class ClusterRebuilds(TenantDatabase database, SearchIndexer indexer, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ClusterRebuilds> logger)
{
    public const string DocumentKey = "search.rebuild";

    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, long> _local = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _claimed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _lastLook = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The stored job, with this node's generation; a job left running by a node that died reads as failed.</summary>
    public async Task<RebuildStatus?> ReadAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        if (await LoadAsync(tenant, cancellationToken) is not { } stored)
        {
            return null;
        }
        if (stored.State == RebuildState.Running
            && !await ClusterLock.IsHeldAsync(tenant, PostgreSqlDatabaseProvider.SearchRebuildLockKey, cancellationToken))
        {
            stored = stored with { State = RebuildState.Failed, Error = "The node running the rebuild stopped before it ended." };
        }
        return stored with { NodeGeneration = LocalGeneration(tenant) };
    }

    /// <summary>Called by the lock holder: the next generation, stored as running.</summary>
    public async Task<RebuildStatus> BeginAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        var generation = ((await LoadAsync(tenant, cancellationToken))?.Generation ?? 0) + 1;
        // Claimed before it is stored, so this node's follower never starts a second rebuild of its own index.
        _claimed[tenant.Name] = generation;
        var started = new RebuildStatus(Guid.NewGuid().ToString("n"), tenant.Name, RebuildState.Running, 0, 0, clock.GetUtcNow(), null, null)
        {
            Generation = generation,
        };
        await SaveAsync(tenant, started, cancellationToken);
        return started with { NodeGeneration = LocalGeneration(tenant) };
    }

    public async Task SaveAsync(TenantContext tenant, RebuildStatus status, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var json = JsonSerializer.Serialize(status with { NodeGeneration = 0 });
        var row = await db.Documents.AsTracking().SingleOrDefaultAsync(d => d.Key == DocumentKey, cancellationToken);
        if (row is null)
        {
            db.Documents.Add(new DocumentRecord { Key = DocumentKey, Json = json, ModifiedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            row.Json = json;
            row.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>This node's index holds the rebuild of <paramref name="generation"/>.</summary>
    public void RebuiltLocally(TenantContext tenant, long generation)
    {
        Directory.CreateDirectory(tenant.DataFolder);
        File.WriteAllText(GenerationFile(tenant), generation.ToString(CultureInfo.InvariantCulture));
        _local[tenant.Name] = generation;
    }

    /// <summary>
    /// At most once a second per tenant: when the cluster's generation is ahead of this node's index (a job another
    /// node started), rebuilds this node's index in the background, once per generation.
    /// </summary>
    public async Task FollowAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (!ClusterLock.IsClustered(tenant) || now - _lastLook.GetValueOrDefault(tenant.Name) < FollowInterval.Ticks)
        {
            return;
        }
        _lastLook[tenant.Name] = now;
        var generation = (await LoadAsync(tenant, cancellationToken))?.Generation ?? 0;
        var claimed = _claimed.GetValueOrDefault(tenant.Name);
        if (generation <= Math.Max(LocalGeneration(tenant), claimed))
        {
            return;
        }
        _claimed[tenant.Name] = generation;
        _ = Task.Run(() => RebuildOwnIndexAsync(tenant, generation), lifetime.ApplicationStopping);
    }

    private async Task RebuildOwnIndexAsync(TenantContext tenant, long generation)
    {
        try
        {
            SearchLog.FollowingRebuild(logger, tenant.Name, generation);
            await indexer.RebuildAsync(tenant, null, lifetime.ApplicationStopping);
            RebuiltLocally(tenant, generation);
        }
        catch (Exception ex)
        {
            SearchLog.RebuildFailed(logger, ex, tenant.Name);
            // Tried again at the next look.
            _claimed.TryUpdate(tenant.Name, LocalGeneration(tenant), generation);
        }
    }

    private long LocalGeneration(TenantContext tenant) => _local.GetOrAdd(tenant.Name, _ =>
        File.Exists(GenerationFile(tenant)) && long.TryParse(File.ReadAllText(GenerationFile(tenant)), CultureInfo.InvariantCulture, out var value)
            ? value
            : 0);

    private static string GenerationFile(TenantContext tenant) => Path.Combine(tenant.DataFolder, "search-rebuild.generation");

    private async Task<RebuildStatus?> LoadAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var json = await db.Documents.Where(d => d.Key == DocumentKey).Select(d => d.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<RebuildStatus>(json);
    }
}
