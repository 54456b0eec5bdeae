namespace Portals.Search;

/// <summary>
/// The search port, engine-neutral. The tenant is explicit in every write and status read; a search filters by tenant
/// only when the query says so. Contract tests: <c>tests/Portals.Search.Tests/SearchIndexContractTests*.cs</c>.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Applies one batch: upserts by (tenant, ContentItemId), then set-asides, then deletes, durable together with the
    /// tenant's change-log cursor: after a crash either the whole batch and its cursor are there, or neither. A batch
    /// that fails changes nothing. The batch is visible to searches on return. Throws <see cref="ArgumentException"/>,
    /// before writing anything, for a document the index cannot hold (wrong tenant, missing or over-long keys).
    /// </summary>
    Task ApplyAsync(SearchBatch batch, CancellationToken ct);

    /// <summary>The cursor committed with the tenant's last batch; 0 when never indexed.</summary>
    Task<long> GetCursorAsync(string tenant, CancellationToken ct);

    /// <summary>The tenant's cursor, document count and the documents set aside (ordered by id).</summary>
    Task<SearchIndexStatus> GetStatusAsync(string tenant, CancellationToken ct);

    /// <summary>Every indexed ContentItemId of the tenant, ordinal order: a rebuild deletes those no longer published.</summary>
    Task<IReadOnlyList<string>> ListIdsAsync(string tenant, CancellationToken ct);

    /// <summary>
    /// Any text is valid: it is searched as plain words, never parsed as query syntax. Filters are exact (sector labels
    /// compared in Unicode NFC). Throws <see cref="ArgumentOutOfRangeException"/> for Page &lt; 1, PageSize outside
    /// 1..50, or Page × PageSize beyond 10,000 (the deepest result paging can reach).
    /// </summary>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>
    /// Completions for a search box: titles that start with the typed text, then titles with a word starting with it,
    /// and the sector names that do, ignoring case and diacritics; at most <see cref="SearchSuggestions.MaxTitles"/>
    /// titles and <see cref="SearchSuggestions.MaxSectors"/> sectors, only of the query's tenant when it names one.
    /// Any text is valid (nothing is parsed); blank text suggests nothing.
    /// </summary>
    Task<SearchSuggestions> SuggestAsync(SuggestQuery query, CancellationToken ct);
}
