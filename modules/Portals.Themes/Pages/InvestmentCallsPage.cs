using System.Globalization;
using Microsoft.AspNetCore.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Themes.Content;
using Portals.Themes.Http;
using Portals.Themes.Rendering;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary><c>/{t}/keu-goi-dau-tu</c>: investment calls filtered by sector, locality, capital range, status and deadline.</summary>
public static class InvestmentCallsPage
{
    public const string Sector = "linh-vuc";
    public const string Locality = "dia-ban";
    public const string Status = "trang-thai";
    public const string Deadline = "han";
    public const string CapitalFrom = "von-tu";
    public const string CapitalTo = "von-den";
    private const string Capital = "von";
    private static readonly (decimal? From, decimal? To, string Label)[] CapitalRanges =
    [
        (null, 100, "Dưới 100 tỷ đồng"), (100, 500, "Từ 100 đến dưới 500 tỷ đồng"), (500, 1000, "Từ 500 đến dưới 1.000 tỷ đồng"),
        (1000, null, "Từ 1.000 tỷ đồng trở lên"),
    ];

    public static async Task<HtmlPage> GetAsync(
        TenantContext tenant, HttpContext http, PublicSite site, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        var query = new ListQuery(scope, PublicRoutes.InvestmentCalls, http.Request.Query, [Sector, Locality, Status, Deadline, CapitalFrom, CapitalTo]);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var words = await content.VocabularyAsync(cancellationToken);
        var map = new ItemMapper(scope, words);
        var calls = (await content.AllAsync(ContentTypes.InvestmentCall, cancellationToken)).Select(c => new Call(c)).ToList();
        var today = VietnameseFormat.Today(clock);

        var (from, to) = (query.Number(CapitalFrom), query.Number(CapitalTo));
        var list = new FacetedList<Call>(calls)
            .Where(Sector, query.Get(Sector) is { } sector ? c => c.Sectors.Contains(sector) : null)
            .Where(Locality, query.Get(Locality) is { } locality ? c => SameText(c.Location, locality) : null)
            .Where(Status, query.Get(Status) is { } status ? c => c.Status == status : null)
            .Where(Deadline, query.Get(Deadline) is { } deadline ? c => DeadlineMatches(c, deadline, today) : null)
            .Where(Capital, from is null && to is null ? null : c => InRange(c.Capital, from, to));
        var results = list.Results;

        var filters = new List<FilterGroupView>
        {
            list.Group("Lĩnh vực", Sector, query, words.Sectors, (c, v) => c.Sectors.Contains(v)),
            list.Group("Địa bàn", Locality, query,
                calls.Select(c => c.Location).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Select(l => (l, l)),
                (c, v) => SameText(c.Location, v)),
            list.Group("Trạng thái", Status, query, words.Options(ContentTypes.InvestmentCall, "Status"), (c, v) => c.Status == v),
            list.Group("Hạn tiếp nhận hồ sơ", Deadline, query, [("con-han", "Còn hạn"), ("het-han", "Đã hết hạn")], (c, v) => DeadlineMatches(c, v, today)),
            CapitalGroup(list, query, from, to),
        };
        var form = new FormView(scope.Url(PublicRoutes.InvestmentCalls), "Lọc theo vốn",
        [
            new(CapitalFrom, "Vốn từ (tỷ đồng)", query.Get(CapitalFrom) ?? "", "number"),
            new(CapitalTo, "Vốn đến (tỷ đồng)", query.Get(CapitalTo) ?? "", "number"),
        ], query.HiddenExcept(CapitalFrom, CapitalTo));

        var heading = "Dự án kêu gọi đầu tư";
        var model = new ListView(heading,
            $"Danh mục dự án kêu gọi đầu tư trên địa bàn {scope.Theme.Manifest.ProvinceName}. Chọn bộ lọc để thu hẹp danh sách; mỗi bộ lọc có đường dẫn riêng để chia sẻ.",
            results.Count, map.Cards(list.Page(results, query).Select(c => c.Item)), filters, form, query.Pager(results.Count),
            query.HasFilters ? "Không có dự án nào khớp với bộ lọc đã chọn." : "Chưa có dự án kêu gọi đầu tư nào được công bố.",
            query.HasFilters ? query.Cleared : null,
            new LinkView("RSS Dự án kêu gọi đầu tư", scope.Url("feeds/investment.rss")));
        var meta = scope.Meta(heading, model.Intro, query.CurrentPath, scope.Crumbs((heading, null)));
        return await site.RenderAsync(scope, "list", PublicRoutes.InvestmentCalls, meta, model);
    }

    private static FilterGroupView CapitalGroup(FacetedList<Call> list, ListQuery query, decimal? from, decimal? to)
    {
        var pool = list.Except(Capital);
        var options = new List<LinkView> { new("Tất cả", query.With((CapitalFrom, null), (CapitalTo, null)), from is null && to is null) };
        foreach (var (low, high, label) in CapitalRanges)
        {
            var selected = from == low && to == high;
            var count = pool.Count(c => InRange(c.Capital, low, high));
            if (count > 0 || selected)
            {
                options.Add(new LinkView(label, query.With((CapitalFrom, Format(low)), (CapitalTo, Format(high))), selected, count));
            }
        }
        return new FilterGroupView("Tổng vốn đầu tư", options);
    }

    private static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static bool DeadlineMatches(Call call, string value, DateOnly today) => value switch
    {
        "con-han" => call.Deadline is null || call.Deadline >= today,
        "het-han" => call.Deadline < today,
        _ => true,
    };

    private static bool SameText(string? a, string b) => string.Equals(a?.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Half-open, [from, to): a call of exactly 500 tỷ đồng sits in one range only.</summary>
    private static bool InRange(decimal? capital, decimal? from, decimal? to) =>
        capital is { } c && (from is null || c >= from) && (to is null || c < to);

    /// <summary>The fields the filters read, parsed once per item.</summary>
    private sealed class Call(ContentItem item)
    {
        private readonly System.Text.Json.Nodes.JsonObject? _own = item.Part(ContentTypes.InvestmentCall);

        public ContentItem Item { get; } = item;
        public IReadOnlyList<string> Sectors => Fields.Terms(_own, "Sector");
        public string? Location => Fields.Text(_own, "Location")?.Trim();
        public string? Status => Fields.Text(_own, "Status");
        public decimal? Capital => Fields.Number(_own, "TotalCapitalBillionVnd");
        public DateOnly? Deadline => Fields.Date(_own, "Deadline") is { } d ? VietnameseFormat.LocalDate(d) : null;
    }
}
