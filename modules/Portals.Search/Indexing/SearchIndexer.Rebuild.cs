using Portals.Core.Tenants;

namespace Portals.Search.Indexing;

/// <summary>The full rebuild: never emptier than before, unless items were really removed.</summary>
public sealed partial class SearchIndexer
{
    /// <summary>
    /// Re-indexes every published item of the tenant over what the index holds (upserts, never a reset first), then
    /// deletes only what is indexed or set aside but no longer published, then catches up from the log position read
    /// before the items, so changes made meanwhile are replayed rather than lost. Until the sweep, batches keep the
    /// tenant's old cursor: a crash mid-way leaves the old documents (some refreshed) and replays the log from there.
    /// </summary>
    public async Task RebuildAsync(TenantContext tenant, IProgress<IndexingProgress>? progress, CancellationToken cancellationToken)
    {
        var gate = Gate(tenant);
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

    private async Task RebuildLockedAsync(TenantContext tenant, IProgress<IndexingProgress>? progress, CancellationToken cancellationToken)
    {
        long logPosition;
        List<string> ids;
        await using (var session = await store.OpenAsync(tenant, cancellationToken))
        {
            logPosition = await session.GetLastChangeIdAsync(cancellationToken);
            ids = [.. await session.ListPublishedIdsAsync(cancellationToken)];
        }
        var heldCursor = await index.GetCursorAsync(tenant.Name, cancellationToken);
        progress?.Report(new IndexingProgress(tenant.Name, 0, ids.Count));
        for (var offset = 0; offset < ids.Count; offset += BatchSize)
        {
            var batch = ids.GetRange(offset, Math.Min(BatchSize, ids.Count - offset));
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            var loaded = await LoadAsync(session, batch, cancellationToken);
            await ApplyAsync(tenant.Name, loaded, heldCursor, heldCursor, cancellationToken);
            progress?.Report(new IndexingProgress(tenant.Name, offset + batch.Count, ids.Count));
            if (options.Value.RebuildBatchPauseMilliseconds > 0)
            {
                await Task.Delay(options.Value.RebuildBatchPauseMilliseconds, cancellationToken);
            }
        }

        // Every published item has just been written (or set aside); whatever else the tenant's part holds is stale.
        var status = await index.GetStatusAsync(tenant.Name, cancellationToken);
        var published = ids.ToHashSet(StringComparer.Ordinal);
        var stale = (await index.ListIdsAsync(tenant.Name, cancellationToken))
            .Concat(status.SetAside.Select(s => s.ContentItemId))
            .Where(id => !published.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        await index.ApplyAsync(new SearchBatch(tenant.Name, logPosition) { Deletes = stale }, cancellationToken);
        SearchLog.Rebuilt(logger, tenant.Name, ids.Count, status.SetAside.Count, stale.Count);
        await CatchUpLockedAsync(tenant, cancellationToken);
    }
}
