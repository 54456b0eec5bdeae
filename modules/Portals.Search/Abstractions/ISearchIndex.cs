namespace Portals.Search;

/// <summary>
/// The search port. The tenant is explicit in every write; a search filters by tenant only when the query says so.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Upserts by (tenant, ContentItemId) and removes, as one batch that becomes durable together with the tenant's
    /// change-log <paramref name="cursor"/>: after a crash either the whole batch and its cursor are there, or neither.
    /// An id both upserted and deleted in the same batch ends up deleted. The batch is visible to searches on return.
    /// </summary>
    Task ApplyAsync(string tenant, IReadOnlyCollection<SearchDocument> upserts,
        IReadOnlyCollection<string> deletedContentItemIds, long cursor, CancellationToken ct);

    /// <summary>The cursor committed with the tenant's last batch; 0 when never indexed or after a reset.</summary>
    Task<long> GetCursorAsync(string tenant, CancellationToken ct);

    /// <summary>Removes every document of the tenant and sets its cursor to 0, in one commit (before a full rebuild).</summary>
    Task ResetTenantAsync(string tenant, CancellationToken ct);

    /// <summary>
    /// Any text is valid: it is searched as plain words, never parsed as query syntax. Filters are exact (sector labels
    /// compared in Unicode NFC). Throws <see cref="ArgumentOutOfRangeException"/> for Page &lt; 1, PageSize outside
    /// 1..50, or Page × PageSize beyond 10,000 (the deepest result paging can reach).
    /// </summary>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);
}
