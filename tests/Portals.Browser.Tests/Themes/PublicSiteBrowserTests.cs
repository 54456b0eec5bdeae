using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Portals.Testing;
using Xunit.Abstractions;

namespace Portals.Browser.Tests.Themes;

/// <summary>
/// The public cooperation section in Chromium, on both portals: every page type (accessibility and screenshots),
/// every sitemap URL, a search typed without diacritics followed across to the other portal, investment-call filters.
/// </summary>
public sealed partial class PublicSiteBrowserTests(SeededBrowserPortals portals, ITestOutputHelper output) : IClassFixture<SeededBrowserPortals>
{
    [Theory]
    [InlineData("haugiang")]
    [InlineData("cantho")]
    public async Task EveryPageType_PassesAxe_AndIsScreenshottedOnDesktopAndPhone(string tenant)
    {
        var urls = (await SectionContent.PageTypeUrlsAsync(portals, tenant)).Append($"/{tenant}/trang-khong-ton-tai").ToList();
        var desktop = await portals.NewPageAsync(Viewport.Desktop);
        var phone = await portals.NewPageAsync(Viewport.Phone);
        foreach (var (url, index) in urls.Select((u, i) => (u, i)))
        {
            var expected = url.EndsWith("trang-khong-ton-tai", StringComparison.Ordinal) ? 404 : 200;
            var response = await desktop.GotoAsync(url);
            Assert.True(response?.Status == expected, $"{url}: {response?.Status}");
            Assert.Equal("vi", await desktop.GetAttributeAsync("html", "lang"));
            await Artifacts.AssertAccessibleAsync(desktop);
            var name = $"themes-{tenant}-{index:00}-{Slug(url)}";
            await Artifacts.ScreenshotAsync(desktop, name + "-desktop");

            await phone.GotoAsync(url);
            // Nothing may overflow sideways on a phone: the page is readable without horizontal scrolling.
            var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{url} overflows the phone viewport by {overflow}px");
            await Artifacts.ScreenshotAsync(phone, name + "-phone");
        }
        output.WriteLine($"{urls.Count} page types of {tenant} checked; screenshots in {Artifacts.ScreenshotFolder}");
        await desktop.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Theory]
    [InlineData("haugiang")]
    [InlineData("cantho")]
    public async Task EverySitemapUrl_Answers200(string tenant)
    {
        var page = await portals.NewPageAsync();
        var sitemap = await page.APIRequest.GetAsync($"/{tenant}/sitemap.xml");
        Assert.Equal(200, sitemap.Status);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Parse(await sitemap.TextAsync()).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(17, locations.Count);
        foreach (var location in locations)
        {
            var response = await page.APIRequest.GetAsync(location);
            Assert.True(response.Status == 200, $"{location}: {response.Status}");
            Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        }
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("haugiang", "cantho", "Cần Thơ")]
    [InlineData("cantho", "haugiang", "Hậu Giang")]
    public async Task SearchWithoutDiacritics_ShowsBothProvinces_AndFollowsAResultToTheOtherPortal(string tenant, string other, string otherName)
    {
        var page = await portals.NewPageAsync();
        await page.GotoAsync($"/{tenant}/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm trên hai cổng thông tin" }).FillAsync("kenh xang xa no");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/{tenant}/tim-kiem\\?q=kenh"));

        var hits = page.Locator("li.hit");
        Assert.True(await hits.CountAsync() >= 2, "Both portals' Xà No projects must be found.");
        Assert.True(await page.Locator("li.hit .province", new() { HasText = "Hậu Giang" }).CountAsync() > 0);
        Assert.True(await page.Locator("li.hit .province", new() { HasText = "Cần Thơ" }).CountAsync() > 0);
        Assert.Contains("Xáng", await page.Locator("li.hit mark").AllInnerTextsAsync());
        Assert.True(await page.Locator(".filter-group", new() { HasText = "Tỉnh, thành phố" }).Locator(".count").CountAsync() == 2);
        await Artifacts.ScreenshotAsync(page, $"themes-{tenant}-search-khong-dau");

        var otherHit = hits.Filter(new() { Has = page.Locator(".province-other", new() { HasText = otherName }) })
            // By its title: other items of that portal mention the canal in their text, and ties may rank them first.
            .Filter(new() { Has = page.Locator("h3 a", new() { HasText = "Cải tạo, khai thông tuyến đường thủy Kênh Xáng Xà No" }) }).First;
        await otherHit.Locator("h3 a").ClickAsync();
        // The document, not every subresource: twice in full runs the load event never came within 30 s although the
        // page had arrived and the network was idle; the locators below wait for what they read.
        await page.WaitForURLAsync(new Regex($"/{other}/cai-tao-khai-thong-tuyen-duong-thuy-kenh-xang-xa-no$"),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal(otherName, await page.Locator(".logo-text strong").InnerTextAsync(), ignoreCase: true);
        Assert.Contains("Kênh Xáng Xà No", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("haugiang")]
    [InlineData("cantho")]
    public async Task InvestmentCalls_FilterBySectorThenStatus(string tenant)
    {
        var page = await portals.NewPageAsync();
        await page.GotoAsync($"/{tenant}/keu-goi-dau-tu");
        Assert.Equal("3 kết quả", await page.Locator("#ket-qua").InnerTextAsync());

        await page.Locator(".filter-group", new() { HasText = "Lĩnh vực" }).GetByRole(AriaRole.Link, new() { Name = "Thương mại, du lịch" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("linh-vuc=sector-thuong-mai-du-lich"));
        Assert.Equal("2 kết quả", await page.Locator("#ket-qua").InnerTextAsync());

        await page.Locator(".filter-group", new() { HasText = "Trạng thái" }).GetByRole(AriaRole.Link, new() { Name = "Đã có nhà đầu tư" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("linh-vuc=sector-thuong-mai-du-lich&trang-thai=da-co-nha-dau-tu"));
        Assert.Equal("1 kết quả", await page.Locator("#ket-qua").InnerTextAsync());
        Assert.Contains("Chợ đầu mối thử nghiệm C", await page.Locator(".results .card h3").InnerTextAsync(), StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, $"themes-{tenant}-keu-goi-loc");

        // The filtered URL is shareable: opened afresh, it shows the same list.
        var shared = await portals.NewPageAsync(Viewport.Phone);
        await shared.GotoAsync(page.Url);
        Assert.Equal("1 kết quả", await shared.Locator("#ket-qua").InnerTextAsync());
        await shared.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static string Slug(string url) => NonWord().Replace(url.Split('?')[0].Trim('/'), "-") is { Length: > 0 } s ? s[..Math.Min(s.Length, 50)] : "home";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
