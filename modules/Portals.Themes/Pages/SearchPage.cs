using Microsoft.AspNetCore.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Search;
using Portals.Themes.Content;
using Portals.Themes.Http;
using Portals.Themes.Rendering;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary>
/// <c>/{t}/tim-kiem?q=…</c>: the shared index across both portals, through the <see cref="ISearchIndex"/> port.
/// Results carry their province and link to the portal that owns them; facets (province, type, sector) are links
/// with counts. Hits are checked against each owner's published items before they are shown, so an item
/// unpublished a moment ago never appears while the indexer catches up; for the same reason the page is not
/// output-cached (it also mixes both tenants' content).
/// </summary>
public static class SearchPage
{
    public const string Text = "q";
    public const string Province = "tinh";
    public const string Type = "loai";
    public const string Sector = "linh-vuc";
    public const int MaxQueryLength = 200;
    private const int MaxPage = 100;

    public static async Task<HtmlPage> GetAsync(
        TenantContext tenant, HttpContext http, PublicSite site, ISearchIndex index, TenantRegistry registry,
        CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        var query = new ListQuery(scope, PublicRoutes.Search, http.Request.Query, [Text, Province, Type, Sector]);
        var text = query.Get(Text) is { } q ? q[..Math.Min(q.Length, MaxQueryLength)] : "";
        var province = query.Get(Province) is { } p && registry.Find(p) is { } owner ? owner.Name : null;
        var page = Math.Min(query.Page, MaxPage);

        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var words = await content.VocabularyAsync(cancellationToken);
        var results = await index.SearchAsync(
            new SearchQuery(text, province, query.Get(Type), query.Get(Sector), page, ListQuery.PageSize), cancellationToken);
        var published = await PublishedHitsAsync(results.Items, tenant, content, site, registry, cancellationToken);

        var hits = results.Items.Where(h => published.Contains((h.Tenant, h.ContentItemId))).Select(h => new SearchHitView(
            h.Title, h.Url, site.ProvinceName(h.Tenant), !string.Equals(h.Tenant, tenant.Name, StringComparison.OrdinalIgnoreCase),
            words.TypeLabel(h.ContentType), RichText.Snippet(h.Snippet),
            h.PublishedUtc is { } at ? VietnameseFormat.Date(at) : null)).ToList();
        var facets = new List<FilterGroupView>
        {
            Facet("Tỉnh, thành phố", Province, query, results, FacetNames.Tenant, site.ProvinceName),
            Facet("Loại nội dung", Type, query, results, FacetNames.ContentType, words.TypeLabel),
            Facet("Lĩnh vực", Sector, query, results, FacetNames.Sector, words.SectorLabel),
        };
        var message = text.Length == 0 && !query.HasFilters
            ? "Nhập từ khóa (có dấu hoặc không dấu) để tìm trong thông tin hợp tác, đầu tư của cả Hậu Giang và Cần Thơ."
            : results.Total == 0 ? "Không tìm thấy kết quả phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc." : null;
        var filtered = province is not null || query.Get(Type) is not null || query.Get(Sector) is not null;
        var model = new SearchView(text, results.Total, hits, facets, query.Pager(results.Total), message,
            filtered ? query.With((Province, null), (Type, null), (Sector, null)) : null);
        var title = text.Length > 0 ? $"Tìm kiếm: {text}" : "Tìm kiếm";
        var meta = scope.Meta(title, "Tìm kiếm thông tin hợp tác, đầu tư trên cả hai cổng thông tin.", PublicRoutes.Search,
            scope.Crumbs(("Tìm kiếm", null)), noIndex: text.Length > 0 || query.HasFilters);
        return await site.RenderAsync(scope, "search", PublicRoutes.Search, meta, model);
    }

    private static FilterGroupView Facet(string label, string key, ListQuery query, SearchResults results, string facet, Func<string, string> name)
    {
        var selected = query.Get(key);
        var counts = results.Facets.GetValueOrDefault(facet) ?? new Dictionary<string, long>();
        var options = new List<LinkView> { new("Tất cả", query.With(key, null), selected is null) };
        options.AddRange(counts.Select(c => new LinkView(name(c.Key), query.With(key, c.Key), c.Key == selected, c.Value)));
        return new FilterGroupView(label, options);
    }

    /// <summary>(tenant, id) of the hits whose owner still has them published; one read per tenant in the page.</summary>
    private static async Task<HashSet<(string, string)>> PublishedHitsAsync(IReadOnlyList<SearchHit> hits, TenantContext current,
        PublishedContent currentContent, PublicSite site, TenantRegistry registry, CancellationToken cancellationToken)
    {
        var published = new HashSet<(string, string)>();
        foreach (var group in hits.GroupBy(h => h.Tenant, StringComparer.OrdinalIgnoreCase))
        {
            if (registry.Find(group.Key) is not { } owner)
            {
                continue;
            }
            var ids = group.Select(h => h.ContentItemId).ToList();
            IReadOnlyList<ContentItem> items;
            if (owner.Name == current.Name)
            {
                items = await currentContent.ManyAsync(ids, cancellationToken);
            }
            else
            {
                await using var other = await site.OpenAsync(owner, cancellationToken);
                items = await other.ManyAsync(ids, cancellationToken);
            }
            foreach (var item in items)
            {
                published.Add((group.Key, item.ContentItemId));
            }
        }
        return published;
    }
}
