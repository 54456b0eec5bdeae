using Microsoft.AspNetCore.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Themes.Content;
using Portals.Themes.Http;
using Portals.Themes.Rendering;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary>Key projects, events (upcoming first), reports and news, each with its filters as plain links.</summary>
public static class ListPages
{
    public const string Sector = "linh-vuc";
    public const string Status = "trang-thai";
    public const string When = "thoi-gian";
    public const string Kind = "loai";

    public static async Task<HtmlPage> KeyProjectsAsync(
        TenantContext tenant, HttpContext http, PublicSite site, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        var query = new ListQuery(scope, PublicRoutes.KeyProjects, http.Request.Query, [Sector, Status]);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var words = await content.VocabularyAsync(cancellationToken);
        var items = await content.AllAsync(ContentTypes.KeyProject, cancellationToken);
        var list = new FacetedList<ContentItem>(items)
            .Where(Sector, query.Get(Sector) is { } sector ? i => SectorsOf(i).Contains(sector) : null)
            .Where(Status, query.Get(Status) is { } status ? i => Own(i, "Status") == status : null);
        var filters = new[]
        {
            list.Group("Lĩnh vực", Sector, query, words.Sectors, (i, v) => SectorsOf(i).Contains(v)),
            list.Group("Trạng thái", Status, query, words.Options(ContentTypes.KeyProject, "Status"), (i, v) => Own(i, "Status") == v),
        };
        return await RenderAsync(site, scope, words, query, list, list.Results, filters, PublicRoutes.KeyProjects, "Dự án trọng điểm",
            "Các dự án trọng điểm trong hợp tác phát triển giữa hai địa phương và tình trạng thực hiện.", "Chưa có dự án trọng điểm nào được công bố.", null);
    }

    public static async Task<HtmlPage> EventsAsync(
        TenantContext tenant, HttpContext http, PublicSite site, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        var query = new ListQuery(scope, PublicRoutes.Events, http.Request.Query, [Sector, When]);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var words = await content.VocabularyAsync(cancellationToken);
        var today = VietnameseFormat.Today(clock);
        var all = await content.AllAsync(ContentTypes.InvestmentEvent, cancellationToken);
        // Upcoming first, soonest first; then past events, most recent first.
        var items = all.Where(e => IsUpcoming(e, today)).OrderBy(Start)
            .Concat(all.Where(e => !IsUpcoming(e, today)).OrderByDescending(Start)).ToList();
        var list = new FacetedList<ContentItem>(items)
            .Where(Sector, query.Get(Sector) is { } sector ? i => SectorsOf(i).Contains(sector) : null)
            .Where(When, query.Get(When) is { } when ? i => IsUpcoming(i, today) == (when == "sap-dien-ra") : null);
        var filters = new[]
        {
            list.Group("Thời gian", When, query, [("sap-dien-ra", "Sắp diễn ra"), ("da-dien-ra", "Đã diễn ra")],
                (i, v) => IsUpcoming(i, today) == (v == "sap-dien-ra")),
            list.Group("Lĩnh vực", Sector, query, words.Sectors, (i, v) => SectorsOf(i).Contains(v)),
        };
        return await RenderAsync(site, scope, words, query, list, list.Results, filters, PublicRoutes.Events, "Sự kiện xúc tiến đầu tư",
            "Các sự kiện xúc tiến đầu tư liên tỉnh, liên vùng; sự kiện sắp diễn ra được xếp trước.", "Chưa có sự kiện nào được công bố.", null);
    }

    public static async Task<HtmlPage> ReportsAsync(
        TenantContext tenant, HttpContext http, PublicSite site, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        var query = new ListQuery(scope, PublicRoutes.Reports, http.Request.Query, [Sector, Kind]);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var words = await content.VocabularyAsync(cancellationToken);
        var items = await content.AllAsync(ContentTypes.Report, cancellationToken);
        var list = new FacetedList<ContentItem>(items)
            .Where(Kind, query.Get(Kind) is { } kind ? i => Own(i, "ReportKind") == kind : null)
            .Where(Sector, query.Get(Sector) is { } sector ? i => SectorsOf(i).Contains(sector) : null);
        var filters = new[]
        {
            list.Group("Loại báo cáo", Kind, query, words.Options(ContentTypes.Report, "ReportKind"), (i, v) => Own(i, "ReportKind") == v),
            list.Group("Lĩnh vực", Sector, query, words.Sectors, (i, v) => SectorsOf(i).Contains(v)),
        };
        return await RenderAsync(site, scope, words, query, list, list.Results, filters, PublicRoutes.Reports, "Báo cáo sơ kết, tổng kết",
            "Báo cáo sơ kết, tổng kết định kỳ của chương trình hợp tác.", "Chưa có báo cáo nào được công bố.", null);
    }

    /// <summary>News pages straight from the store (sector filter included), newest first: the list that grows without bound.</summary>
    public static async Task<HtmlPage> NewsAsync(
        TenantContext tenant, HttpContext http, PublicSite site, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        var query = new ListQuery(scope, PublicRoutes.News, http.Request.Query, [Sector]);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var words = await content.VocabularyAsync(cancellationToken);
        var selected = query.Get(Sector);
        var (items, total) = await content.PageAsync(ContentTypes.News, query.Page, ListQuery.PageSize, selected, cancellationToken);
        var sectors = new FilterGroupView("Lĩnh vực",
            [new LinkView("Tất cả", query.With(Sector, null), selected is null),
             .. words.Sectors.Select(s => new LinkView(s.Label, query.With(Sector, s.Id), s.Id == selected))]);
        var map = new ItemMapper(scope, words);
        var heading = "Tin tức hợp tác";
        var model = new ListView(heading, "Tin tức về hợp tác phát triển, đầu tư và kêu gọi đầu tư giữa hai địa phương.", total, map.Cards(items),
            [sectors], null, query.Pager(total),
            query.HasFilters ? "Không có tin nào khớp với bộ lọc đã chọn." : "Chưa có tin tức nào được công bố.",
            query.HasFilters ? query.Cleared : null, new LinkView("RSS Tin tức", scope.Url("feeds/news.rss")));
        var meta = scope.Meta(heading, model.Intro, query.CurrentPath, scope.Crumbs((heading, null)));
        return await site.RenderAsync(scope, "list", PublicRoutes.News, meta, model);
    }

    private static async Task<HtmlPage> RenderAsync(PublicSite site, PageScope scope, Vocabulary words, ListQuery query,
        FacetedList<ContentItem> list, IReadOnlyList<ContentItem> results, IReadOnlyList<FilterGroupView> filters,
        string route, string heading, string intro, string empty, LinkView? feed)
    {
        var map = new ItemMapper(scope, words);
        var model = new ListView(heading, intro, results.Count, map.Cards(list.Page(results, query)), filters, null, query.Pager(results.Count),
            query.HasFilters ? "Không có mục nào khớp với bộ lọc đã chọn." : empty, query.HasFilters ? query.Cleared : null, feed);
        var meta = scope.Meta(heading, intro, query.CurrentPath, scope.Crumbs((heading, null)));
        return await site.RenderAsync(scope, "list", route, meta, model);
    }

    internal static IReadOnlyList<string> SectorsOf(ContentItem item) => Fields.Terms(item.Part(item.ContentType), "Sector");

    private static string? Own(ContentItem item, string field) => Fields.Text(item.Part(item.ContentType), field);

    private static DateTimeOffset Start(ContentItem item) => Fields.Date(item.Part(item.ContentType), "StartDate") ?? DateTimeOffset.MinValue;

    /// <summary>An event is upcoming until its end (or, without one, its start) day has passed in Vietnam.</summary>
    internal static bool IsUpcoming(ContentItem item, DateOnly today)
    {
        var own = item.Part(item.ContentType);
        return (Fields.Date(own, "EndDate") ?? Fields.Date(own, "StartDate")) is { } last && VietnameseFormat.LocalDate(last) >= today;
    }
}
