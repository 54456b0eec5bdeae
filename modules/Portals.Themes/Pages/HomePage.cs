using Microsoft.AspNetCore.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Themes.Content;
using Portals.Themes.Http;
using Portals.Themes.Rendering;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary>
/// <c>/{t}/</c>: the cooperation section — the current programme with its content areas and sectors, key projects
/// with their status, open investment calls, upcoming events, the latest reports and news. Every block may be empty.
/// </summary>
public static class HomePage
{
    /// <summary>Open calls and upcoming events are picked among this many most recently published of their type.</summary>
    private const int RecentScan = 20;

    public static async Task<HtmlPage> GetAsync(
        TenantContext tenant, HttpContext http, PublicSite site, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        var today = VietnameseFormat.Today(clock);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var words = await content.VocabularyAsync(cancellationToken);
        var map = new ItemMapper(scope, words);

        var programs = (await content.PageAsync(ContentTypes.Program, 1, 20, null, cancellationToken)).Items;
        var program = programs.FirstOrDefault(p => Covers(p, today.Year)) ?? (programs.Count > 0 ? programs[0] : null);
        var projects = (await content.PageAsync(ContentTypes.KeyProject, 1, 6, null, cancellationToken)).Items;
        var calls = (await content.PageAsync(ContentTypes.InvestmentCall, 1, RecentScan, null, cancellationToken)).Items
            .Where(c => IsOpen(c, today)).Take(4);
        var events = (await content.PageAsync(ContentTypes.InvestmentEvent, 1, RecentScan, null, cancellationToken)).Items
            .Where(e => ListPages.IsUpcoming(e, today))
            .OrderBy(e => Fields.Date(e.Part(e.ContentType), "StartDate") ?? DateTimeOffset.MaxValue).Take(3);
        var reports = (await content.PageAsync(ContentTypes.Report, 1, 3, null, cancellationToken)).Items;
        var news = (await content.PageAsync(ContentTypes.News, 1, 4, null, cancellationToken)).Items;

        var model = new HomeView(
            program is null ? null : map.Item(program, [], withBody: false),
            map.Cards(projects), map.Cards(calls), map.Cards(events), map.Cards(reports), map.Cards(news),
            [
                new("Tất cả dự án kêu gọi đầu tư", scope.Url(PublicRoutes.InvestmentCalls)),
                new("Tất cả dự án trọng điểm", scope.Url(PublicRoutes.KeyProjects)),
                new("Tất cả sự kiện", scope.Url(PublicRoutes.Events)),
                new("Tất cả báo cáo", scope.Url(PublicRoutes.Reports)),
                new("Tất cả tin tức", scope.Url(PublicRoutes.News)),
            ]);
        var meta = scope.Meta(scope.Theme.Manifest.SectionTitle, program is null ? null : ItemMapper.Summary(program), "", scope.Crumbs());
        return await site.RenderAsync(scope, "home", "", meta, model);
    }

    /// <summary>Open: still calling for investors (or no status given) and the deadline, if any, not yet passed.</summary>
    internal static bool IsOpen(ContentItem call, DateOnly today)
    {
        var own = call.Part(ContentTypes.InvestmentCall);
        var status = Fields.Text(own, "Status");
        return (status is null || status == ContentTypes.CallOpen)
            && (Fields.Date(own, "Deadline") is not { } deadline || VietnameseFormat.LocalDate(deadline) >= today);
    }

    private static bool Covers(ContentItem program, int year)
    {
        var own = program.Part(ContentTypes.Program);
        return Fields.Number(own, "StartYear") <= year && (Fields.Number(own, "EndYear") ?? year) >= year;
    }
}
