using System.Collections.Concurrent;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Search.Indexing;

/// <summary>Progress of a long indexing run: what is done out of how much.</summary>
public sealed record IndexingProgress(string Tenant, long Done, long Total);

/// <summary>
/// Brings the shared index up to a tenant's change log. Each change re-reads the item's *current* published state,
/// so replaying any suffix of the log, after a crash or on a second node, converges on exactly the published set.
/// </summary>
public sealed class SearchIndexer(IContentStore store, ISearchIndex index)
{
    public const int BatchSize = 500;

    // One writer per tenant: a rebuild and the background catch-up must not interleave their cursors.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _tenantLocks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies every change after the index's cursor; returns how many changes were read.</summary>
    public async Task<int> CatchUpAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        var gate = _tenantLocks.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await CatchUpLockedAsync(tenant, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Empties the tenant's part of the index and indexes every published item, then resumes from the log position
    /// read before the items, so changes made meanwhile are replayed rather than lost.
    /// </summary>
    public async Task RebuildAsync(TenantContext tenant, IProgress<IndexingProgress>? progress, CancellationToken cancellationToken)
    {
        var gate = _tenantLocks.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await RebuildLockedAsync(tenant, progress, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> CatchUpLockedAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        var total = 0;
        var cursor = await index.GetCursorAsync(tenant.Name, cancellationToken);
        while (true)
        {
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            var changes = await session.ReadChangesAsync(cursor, BatchSize, cancellationToken);
            if (changes.Count == 0)
            {
                return total;
            }
            var ids = changes.Select(c => c.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
            var (upserts, deletes) = await LoadAsync(session, ids, cancellationToken);
            cursor = changes[^1].Id;
            await index.ApplyAsync(tenant.Name, upserts, deletes, cursor, cancellationToken);
            total += changes.Count;
        }
    }

    private async Task RebuildLockedAsync(TenantContext tenant, IProgress<IndexingProgress>? progress, CancellationToken cancellationToken)
    {
        long logPosition;
        List<string> ids;
        await using (var session = await store.OpenAsync(tenant, cancellationToken))
        {
            logPosition = await session.GetLastChangeIdAsync(cancellationToken);
            ids = [.. await session.ListPublishedIdsAsync(cancellationToken)];
        }
        await index.ResetTenantAsync(tenant.Name, cancellationToken);
        progress?.Report(new IndexingProgress(tenant.Name, 0, ids.Count));
        for (var offset = 0; offset < ids.Count; offset += BatchSize)
        {
            var batch = ids.Skip(offset).Take(BatchSize).ToList();
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            var (upserts, deletes) = await LoadAsync(session, batch, cancellationToken);
            var done = Math.Min(offset + BatchSize, ids.Count);
            // The cursor stays 0 until the last batch: a crash mid-rebuild restarts from the beginning of the log.
            await index.ApplyAsync(tenant.Name, upserts, deletes, done == ids.Count ? logPosition : 0, cancellationToken);
            progress?.Report(new IndexingProgress(tenant.Name, done, ids.Count));
        }
        if (ids.Count == 0)
        {
            await index.ApplyAsync(tenant.Name, [], [], logPosition, cancellationToken);
        }
        await CatchUpLockedAsync(tenant, cancellationToken);
    }

    private static async Task<(List<SearchDocument> Upserts, List<string> Deletes)> LoadAsync(
        IContentSession session, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var definitions = await session.GetDefinitionsAsync(cancellationToken);
        var published = (await session.GetManyAsync(ids, VersionOptions.Published, cancellationToken))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var upserts = new List<SearchDocument>();
        var deletes = new List<string>();
        foreach (var id in ids)
        {
            if (published.TryGetValue(id, out var item) && SearchDocumentBuilder.IsSearchable(definitions.FindType(item.ContentType)))
            {
                upserts.Add(SearchDocumentBuilder.Build(session.Tenant, item, definitions));
            }
            else
            {
                deletes.Add(id);
            }
        }
        return (upserts, deletes);
    }
}
