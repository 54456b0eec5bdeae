using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Search.Indexing;

/// <summary>Progress of a long indexing run: what is done out of how much.</summary>
public sealed record IndexingProgress(string Tenant, long Done, long Total);

/// <summary>One live catch-up batch: changes read, and whether the batch was full (more may be waiting).</summary>
public sealed record CatchUpStep(int Read, bool More);

/// <summary>
/// Brings the shared index up to a tenant's change log. Each change re-reads the item's *current* published state,
/// so replaying any suffix of the log, after a crash or on a second node, converges on exactly the published set.
/// A published item the index refuses is set aside (logged, counted in the index status) and the cursor moves on:
/// it is tried again only when a later change names it, or by a rebuild.
/// </summary>
public sealed partial class SearchIndexer(IContentStore store, ISearchIndex index, IOptions<SearchOptions> options, ILogger<SearchIndexer> logger)
{
    public const int BatchSize = 500;

    /// <summary>The live catch-up's first batch after being idle (see <see cref="TryCatchUpStepAsync"/>).</summary>
    public const int FirstLiveBatchSize = 50;

    // One writer per tenant: a rebuild and the background catch-up must not interleave their cursors.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _tenantLocks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A tenant with no change read for this long is idle: its next live batch starts small again.</summary>
    private const long IdleAfterMilliseconds = 2_000;

    // Read and written under the tenant's gate: a batch size and when changes were last read, not tenant data.
    private readonly ConcurrentDictionary<string, (int Size, long LastRead)> _live = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies every change after the index's cursor, waiting for a rebuild of the tenant to end first; returns how many changes were read.</summary>
    public async Task<int> CatchUpAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        var gate = Gate(tenant);
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
    /// One batch of the live catch-up for <paramref name="tenant"/>; null at once when the tenant is busy (a rebuild,
    /// which catches up itself when it ends), so one tenant's rebuild never holds up the others. The first batch after
    /// the tenant was idle (no change read for 2 s) reads <see cref="FirstLiveBatchSize"/> changes, so the first items
    /// of a bulk load are searchable after a small commit; while batches come back full they grow to
    /// <see cref="BatchSize"/> and stay there until the tenant is idle again, so a long backlog costs few commits.
    /// Callers take the tenants in turn, one step each.
    /// </summary>
    public async Task<CatchUpStep?> TryCatchUpStepAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        var gate = Gate(tenant);
        if (!await gate.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return null;
        }
        try
        {
            var now = Environment.TickCount64;
            var (size, lastRead) = _live.GetValueOrDefault(tenant.Name, (FirstLiveBatchSize, 0L));
            if (now - lastRead > IdleAfterMilliseconds)
            {
                size = FirstLiveBatchSize;
            }
            var read = await CatchUpLockedAsync(tenant, cancellationToken, maxBatches: 1, size);
            var more = read >= size;
            // Growing while batches come back full; an empty read between two sessions of a bulk load is not idleness
            // (going back to 50 there would split every later session into several commits), a quiet spell is.
            _live[tenant.Name] = read == 0 ? (size, lastRead) : (more ? Math.Min(BatchSize, size * 4) : size, Environment.TickCount64);
            return new CatchUpStep(read, more);
        }
        finally
        {
            gate.Release();
        }
    }

    private SemaphoreSlim Gate(TenantContext tenant) => _tenantLocks.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));

    private async Task<int> CatchUpLockedAsync(TenantContext tenant, CancellationToken cancellationToken, int maxBatches = int.MaxValue,
        int batchSize = BatchSize)
    {
        var total = 0;
        var cursor = await index.GetCursorAsync(tenant.Name, cancellationToken);
        for (var batch = 0; batch < maxBatches; batch++)
        {
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            var changes = await session.ReadChangesAsync(cursor, batchSize, cancellationToken);
            if (changes.Count == 0)
            {
                return total;
            }
            var ids = changes.Select(c => c.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
            var loaded = await LoadAsync(session, ids, cancellationToken);
            var next = changes[^1].Id;
            await ApplyAsync(tenant.Name, loaded, next, cursor, cancellationToken);
            cursor = next;
            total += changes.Count;
        }
        return total;
    }

    /// <summary>Current published state of the ids: documents to upsert, items that cannot become one, ids to delete.</summary>
    private sealed record Loaded(List<SearchDocument> Upserts, List<SetAsideDocument> SetAside, List<string> Deletes);

    private async Task<Loaded> LoadAsync(IContentSession session, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var definitions = await session.GetDefinitionsAsync(cancellationToken);
        var published = (await session.GetManyAsync(ids, VersionOptions.Published, cancellationToken))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        // Sector names are read from the published taxonomy with each batch: a renamed sector is suggested under its
        // new name as its items are indexed again (any later change, or a rebuild).
        var taxonomy = await session.GetManyAsync([SearchDocumentBuilder.SectorTaxonomyId], VersionOptions.Published, cancellationToken);
        var sectorNames = SearchDocumentBuilder.SectorNames(taxonomy.Count > 0 ? taxonomy[0] : null);
        var loaded = new Loaded([], [], []);
        foreach (var id in ids)
        {
            if (!published.TryGetValue(id, out var item) || !SearchDocumentBuilder.IsSearchable(definitions.FindType(item.ContentType)))
            {
                loaded.Deletes.Add(id);
                continue;
            }
            try
            {
                loaded.Upserts.Add(SearchDocumentBuilder.Build(session.Tenant, item, definitions, sectorNames));
            }
            catch (Exception ex) when (IsDocumentFault(ex))
            {
                loaded.SetAside.Add(SetAside(session.Tenant.Name, id, ex));
            }
        }
        return loaded;
    }
}
