using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portals.Testing;

namespace Portals.Themes.Tests;

/// <summary>Every page type on both portals, with the web conventions: lang, canonical, Open Graph, breadcrumb, ETag, feeds.</summary>
public sealed partial class PublicPagesTests(SeededPortals portals) : IClassFixture<SeededPortals>
{
    [Theory]
    [InlineData("haugiang", "Hậu Giang", "#0b6b3a")]
    [InlineData("cantho", "Cần Thơ", "#0d3f8f")]
    public async Task EveryPageType_RendersHtmlWithWebConventions(string tenant, string logo, string themeColor)
    {
        using var client = portals.CreateClient();
        var urls = await portals.PageTypeUrlsAsync(tenant);
        Assert.Equal(14, urls.Count);
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.ETag);
            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">", html, StringComparison.Ordinal);
            var path = url.Split('?')[0];
            Assert.Matches($"<link rel=\"canonical\" href=\"http://localhost{Regex.Escape(path)}[^\"]*\">", html);
            Assert.Contains("<meta property=\"og:title\" content=\"", html, StringComparison.Ordinal);
            Assert.Contains($"<meta property=\"og:url\" content=\"http://localhost{path}", html, StringComparison.Ordinal);
            Assert.Contains("<nav class=\"breadcrumb container\" aria-label=\"Vị trí trang\">", html, StringComparison.Ordinal);
            Assert.Contains($"<strong>{logo}</strong>", html, StringComparison.Ordinal);
            Assert.Contains($"<meta name=\"theme-color\" content=\"{themeColor}\">", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/{tenant}/feeds/news.rss\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/{tenant}/feeds/investment.rss\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("haugiang")]
    [InlineData("cantho")]
    public async Task Sitemap_ListsEveryPublishedRoutableItemWithLastmod_AndEveryUrlAnswers200(string tenant)
    {
        using var client = portals.CreateClient();
        var xml = XDocument.Parse(await client.GetStringAsync($"/{tenant}/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Descendants(ns + "url").ToList();
        // 6 section pages + 4 seeded items + 7 test items.
        Assert.Equal(17, urls.Count);
        Assert.Equal(11, urls.Count(u => u.Element(ns + "lastmod") is not null));
        foreach (var location in urls.Select(u => u.Element(ns + "loc")!.Value))
        {
            Assert.StartsWith($"http://localhost/{tenant}/", location, StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(location).PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{location}: {(int)response.StatusCode}");
        }
        Assert.Contains(await portals.UrlOfAsync(tenant, $"{SectionContent.Prefix(tenant)}-kcn-a"), xml.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robots_PointsAtTheSitemapAndKeepsPreviewsOut()
    {
        var robots = await portals.CreateClient().GetStringAsync("/cantho/robots.txt");
        Assert.Contains("Sitemap: http://localhost/cantho/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /cantho/preview/", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemPage_InvestmentCall_ShowsVietnameseMoneyAreaDateAndContact()
    {
        var html = await portals.CreateClient().GetStringAsync(await portals.UrlOfAsync("haugiang", "hg-kcn-a"));
        Assert.Contains("<dd>1.250,5 tỷ đồng</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>120 ha</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>31/12/2099</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Cơ quan đầu mối thử nghiệm</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Ưu đãi đầu tư</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/haugiang/keu-goi-dau-tu\">Kêu gọi đầu tư</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemPage_Event_LinksToRegistration_AndKeyProject_ListsItsProgramAndReports()
    {
        using var client = portals.CreateClient();
        var ev = await client.GetStringAsync(await portals.UrlOfAsync("cantho", "ct-hoi-nghi-sap-toi"));
        Assert.Contains("<a class=\"button\" href=\"https://example.org/dang-ky\" rel=\"noopener\">Đăng ký tham dự</a>", ev, StringComparison.Ordinal);
        Assert.Contains("08:00 ngày 20/05/2099", ev, StringComparison.Ordinal);

        var project = await client.GetStringAsync(await portals.UrlOfAsync("cantho", "ct-du-an-ql61c"));
        Assert.Contains("<h2>Thuộc chương trình</h2>", project, StringComparison.Ordinal);
        Assert.Contains("<h2>Báo cáo sơ kết, tổng kết của chương trình</h2>", project, StringComparison.Ordinal);

        var program = await client.GetStringAsync(await portals.UrlOfAsync("cantho", "ct-chuong-trinh-2021-2025"));
        Assert.Contains("<h2>Thỏa thuận hợp tác theo lĩnh vực</h2>", program, StringComparison.Ordinal);
        Assert.Contains("<h2>Nội dung định hướng hợp tác</h2>", program, StringComparison.Ordinal);
        Assert.Contains("<dd>2021 – 2025</dd>", program, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ShowsProgramProjectsOpenCallsUpcomingEventsReportsAndNews()
    {
        var html = await portals.CreateClient().GetStringAsync("/haugiang/");
        Assert.Contains("<h1>Hợp tác phát triển Hậu Giang – Cần Thơ</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Chương trình hợp tác phát triển giữa tỉnh Hậu Giang với thành phố Cần Thơ, giai đoạn 2021-2025", html, StringComparison.Ordinal);
        Assert.Contains("Cải tạo, khai thông tuyến đường thủy Kênh Xáng Xà No", html, StringComparison.Ordinal);
        Assert.Contains("Khu công nghiệp thử nghiệm A", html, StringComparison.Ordinal);
        Assert.Contains("Khu du lịch sinh thái thử nghiệm B", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chợ đầu mối thử nghiệm C", html, StringComparison.Ordinal); // has an investor: not open
        Assert.Contains("Hội nghị xúc tiến đầu tư sắp tới", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hội nghị xúc tiến đầu tư đã qua", html, StringComparison.Ordinal);
        Assert.Contains("Báo cáo sơ kết năm 2023", html, StringComparison.Ordinal);
        Assert.Contains("Hậu Giang và Cần Thơ ký kết Chương trình hợp tác phát triển giai đoạn 2021-2025", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?linh-vuc=sector-thuong-mai-du-lich", 2)]
    [InlineData("?trang-thai=dang-keu-goi", 2)]
    [InlineData("?trang-thai=da-co-nha-dau-tu", 1)]
    [InlineData("?linh-vuc=sector-thuong-mai-du-lich&trang-thai=dang-keu-goi", 1)]
    [InlineData("?han=het-han", 1)]
    [InlineData("?han=con-han", 2)]
    [InlineData("?von-tu=1000", 1)]
    [InlineData("?von-tu=100&von-den=500", 1)]
    [InlineData("?von-den=100", 1)]
    [InlineData("?dia-ban=Ch%C3%A2u%20Th%C3%A0nh%2C%20H%E1%BA%ADu%20Giang", 3)]
    [InlineData("?linh-vuc=sector-y-te", 0)]
    public async Task InvestmentCalls_Filters_NarrowTheList(string query, int expected)
    {
        var html = await portals.CreateClient().GetStringAsync("/haugiang/keu-goi-dau-tu" + query);
        Assert.Contains($"<h2 id=\"ket-qua\">{expected} kết quả</h2>", html, StringComparison.Ordinal);
        Assert.Equal(expected, CardCount().Count(html));
        if (expected == 0)
        {
            Assert.Contains("Không có dự án nào khớp với bộ lọc đã chọn.", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvestmentCalls_FilterLinks_CarryCountsAndKeepOtherFilters()
    {
        var html = await portals.CreateClient().GetStringAsync("/haugiang/keu-goi-dau-tu?trang-thai=dang-keu-goi");
        // Sector counts apply the status filter: one open call in each sector.
        Assert.Contains("<a href=\"/haugiang/keu-goi-dau-tu?linh-vuc=sector-thuong-mai-du-lich&amp;trang-thai=dang-keu-goi\">Thương mại, du lịch <span class=\"count\">(1)</span></a>", html, StringComparison.Ordinal);
        // Status counts do not apply their own filter: the alternative stays visible.
        Assert.Contains("Đã có nhà đầu tư <span class=\"count\">(1)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"trang-thai\" value=\"dang-keu-goi\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_UpcomingFirst()
    {
        var html = await portals.CreateClient().GetStringAsync("/cantho/su-kien");
        var upcoming = html.IndexOf("Hội nghị xúc tiến đầu tư sắp tới", StringComparison.Ordinal);
        var past = html.IndexOf("Hội nghị xúc tiến đầu tư đã qua", StringComparison.Ordinal);
        Assert.True(upcoming > 0 && past > upcoming, "The upcoming event must come before the past one.");
        var onlyPast = await portals.CreateClient().GetStringAsync("/cantho/su-kien?thoi-gian=da-dien-ra");
        Assert.DoesNotContain("sắp tới", onlyPast, StringComparison.Ordinal);
        Assert.Contains("đã qua", onlyPast, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_EmptyAndPagedStatesRenderGracefully()
    {
        using var client = portals.CreateClient();
        var reports = await client.GetStringAsync("/haugiang/bao-cao?loai=tong-ket");
        Assert.Contains("Không có mục nào khớp với bộ lọc đã chọn.", reports, StringComparison.Ordinal);
        var farPage = await client.GetAsync("/haugiang/tin-tuc?trang=999");
        Assert.Equal(HttpStatusCode.OK, farPage.StatusCode);
        var junk = await client.GetAsync("/haugiang/keu-goi-dau-tu?trang=-1&von-tu=abc&han=xyz");
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
    }

    [GeneratedRegex("<article class=\"card\">")]
    private static partial Regex CardCount();
}
