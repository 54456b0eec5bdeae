using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Search.Telemetry;

/// <summary>How far a tenant's search documents trail its change log on this node.</summary>
/// <param name="LastChangeId">The newest change-log id in the tenant's database.</param>
/// <param name="Cursor">The last change the index has applied.</param>
public sealed record IndexLagReading(string Tenant, long LastChangeId, long Cursor)
{
    /// <summary>Changes logged but not yet indexed here (never negative: a rebuilt database may restart its ids).</summary>
    public long Lag => Math.Max(0, LastChangeId - Cursor);
}

/// <summary>
/// Reads the change-log lag of the search index: two cheap reads (the newest change-log id, the index's cursor).
/// Used by the readiness probe and the <c>portals.search.lag</c> gauge; holds nothing between calls.
/// </summary>
public sealed class IndexLag(IContentStore store, ISearchIndex index)
{
    public async Task<IndexLagReading> ReadAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        long last;
        await using (var session = await store.OpenAsync(tenant, cancellationToken))
        {
            last = await session.GetLastChangeIdAsync(cancellationToken);
        }
        return new IndexLagReading(tenant.Name, last, await index.GetCursorAsync(tenant.Name, cancellationToken));
    }
}
