using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Search;

namespace Portals.Admin.Content;

/// <summary>What a list shows: one type, the typed text, the filters, the order and the page.</summary>
public sealed record ListFilter(string Type, string? Text, ContentStatus Status, string? Sector, string? Owner, ContentSort Sort, int Page)
{
    /// <summary>Published text is searched in full through the shared search; any other list filters titles (accent-insensitive).</summary>
    public bool FullText => Status == ContentStatus.Published && !string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Owner);
}

/// <summary>An item in a list: its latest version, its state, whether a published version exists, and a search snippet (HTML with &lt;mark&gt;).</summary>
public sealed record ListRow(ContentItem Item, ContentStatus Status, bool HasPublished, string? Snippet);

public sealed record ListPage(IReadOnlyList<ListRow> Rows, int Total, int PageSize);

/// <summary>The admin's lists: the store's query for titles and states, the shared search for published text.</summary>
public sealed class ContentList(IContentStore store, ISearchIndex search, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>The deepest page the search can reach (its Page × PageSize limit).</summary>
    private const int MaxSearchPage = 10_000 / PageSize;

    public async Task<ListPage> QueryAsync(TenantContext tenant, ListFilter filter, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        IReadOnlyList<ContentItem> items;
        int total;
        Dictionary<string, string>? snippets = null;
        if (filter.FullText)
        {
            var page = Math.Clamp(filter.Page, 1, MaxSearchPage);
            var results = await search.SearchAsync(new SearchQuery(filter.Text, tenant.Name, filter.Type, filter.Sector, page, PageSize), cancellationToken);
            var ids = results.Items.Select(h => h.ContentItemId).ToList();
            var found = (await session.GetManyAsync(ids, VersionOptions.Latest, cancellationToken)).ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
            // The index follows the change log: an item deleted a moment ago may still be a hit; it is left out.
            items = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
            snippets = results.Items.ToDictionary(h => h.ContentItemId, h => h.Snippet, StringComparer.Ordinal);
            total = (int)Math.Min(results.Total, 10_000);
        }
        else
        {
            var page = await session.QueryAsync(new ContentQuery(filter.Type, Blank(filter.Sector), Blank(filter.Text), null, Math.Max(1, filter.Page), PageSize,
                filter.Sort, VersionOptions.Latest, filter.Status, Blank(filter.Owner)), cancellationToken);
            items = page.Items.Select(ContentItem.Parse).ToList();
            total = page.Total;
        }
        var published = (await session.GetManyAsync(items.Select(i => i.ContentItemId).ToList(), VersionOptions.Published, cancellationToken))
            .Select(i => i.ContentItemId).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = items.Select(i => new ListRow(i, ContentStates.Of(i, now), published.Contains(i.ContentItemId), snippets?.GetValueOrDefault(i.ContentItemId))).ToList();
        return new ListPage(rows, total, PageSize);
    }

    /// <summary>Items of the given types whose title matches, for the content picker (latest versions, accent-insensitive).</summary>
    public async Task<IReadOnlyList<ContentItem>> PickAsync(TenantContext tenant, IReadOnlyList<string> types, string? text, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var found = new List<ContentItem>();
        foreach (var type in types.Count == 0 ? [null] : types.Cast<string?>())
        {
            var page = await session.QueryAsync(new ContentQuery(type, Text: Blank(text), PageSize: PageSize, Sort: ContentSort.TitleAscending, Version: VersionOptions.Latest), cancellationToken);
            found.AddRange(page.Items.Select(ContentItem.Parse));
        }
        return found.OrderBy(i => VietnameseText.Fold(i.DisplayText), StringComparer.Ordinal).Take(PageSize).ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
