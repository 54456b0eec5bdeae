using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Drafts stay out of every anonymous response; publication changes show on the next request.</summary>
public sealed class DraftAndPublicationTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task Draft_NewItem_InvisibleToAnonymousItemListAndFeed()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-draft-only", "Dự án bản nháp bí mật"), draft: true);
        using var anonymous = _kit.Client();

        using var item = await anonymous.GetAsync("haugiang/api/content/hg-draft-only");
        Assert.Equal(HttpStatusCode.NotFound, item.StatusCode);
        var list = await anonymous.GetStringAsync("haugiang/api/content?type=InvestmentCall&q=bi mat");
        Assert.DoesNotContain("hg-draft-only", list, StringComparison.Ordinal);
        var all = await anonymous.GetStringAsync("haugiang/api/content?pageSize=100");
        Assert.DoesNotContain("hg-draft-only", all, StringComparison.Ordinal);
        var feed = await anonymous.GetStringAsync("haugiang/feeds/investment.rss");
        Assert.DoesNotContain("hg-draft-only", feed, StringComparison.Ordinal);
        using var byPath = await anonymous.GetAsync("haugiang/api/content/by-path/du-an-ban-nhap-bi-mat");
        Assert.Equal(HttpStatusCode.NotFound, byPath.StatusCode);

        using var owner = await _kit.ClientAsAsync(Caller.OwnTenant);
        var latest = JsonNode.Parse(await owner.GetStringAsync("haugiang/api/content/hg-draft-only?version=latest"))!;
        Assert.False(latest["Published"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Draft_OfPublishedItem_AnonymousStillSeesPublishedVersion()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-two-versions", "Phiên bản đã xuất bản"));
        await _kit.UpsertAsync(new JsonObject { ["ContentItemId"] = "hg-two-versions", ["TitlePart"] = new JsonObject { ["Title"] = "Phiên bản nháp mới" } }, draft: true);
        using var anonymous = _kit.Client();
        var published = JsonNode.Parse(await anonymous.GetStringAsync("haugiang/api/content/hg-two-versions"))!;
        Assert.Equal("Phiên bản đã xuất bản", published["DisplayText"]!.GetValue<string>());
        var list = await anonymous.GetStringAsync("haugiang/api/content?type=InvestmentCall&pageSize=100");
        Assert.DoesNotContain("Phiên bản nháp mới", list, StringComparison.Ordinal);
        var feed = await anonymous.GetStringAsync("haugiang/feeds/investment.rss");
        Assert.DoesNotContain("Phiên bản nháp mới", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishUnpublishDelete_NextAnonymousRequest_SeesChange()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-lifecycle", "Dự án vòng đời"), draft: true);
        using var anonymous = _kit.Client();
        using var owner = await _kit.ClientAsAsync(Caller.OwnTenant);

        using (var publish = await owner.PostAsync("haugiang/api/content/hg-lifecycle/publish", null))
        {
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        }
        using (var visible = await anonymous.GetAsync("haugiang/api/content/hg-lifecycle"))
        {
            Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        }
        Assert.Contains("hg-lifecycle", await anonymous.GetStringAsync("haugiang/feeds/investment.rss"), StringComparison.Ordinal);

        using (var unpublish = await owner.PostAsync("haugiang/api/content/hg-lifecycle/unpublish", null))
        {
            Assert.Equal(HttpStatusCode.OK, unpublish.StatusCode);
        }
        using (var hidden = await anonymous.GetAsync("haugiang/api/content/hg-lifecycle"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        Assert.DoesNotContain("hg-lifecycle", await anonymous.GetStringAsync("haugiang/api/content?type=InvestmentCall"), StringComparison.Ordinal);

        using (var delete = await owner.DeleteAsync("haugiang/api/content/hg-lifecycle"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        using var gone = await owner.GetAsync("haugiang/api/content/hg-lifecycle?version=latest");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task List_FiltersAndPaging_ReturnEnvelope()
    {
        for (var i = 0; i < 3; i++)
        {
            await _kit.UpsertAsync(ApiTestKit.InvestmentCall($"hg-page-{i}", $"Dự án phân trang {i}"));
        }
        using var anonymous = _kit.Client();
        var page = JsonNode.Parse(await anonymous.GetStringAsync(
            "haugiang/api/content?type=InvestmentCall&sector=sector-giao-thong&q=phan trang&pageSize=2&page=2&sort=title"))!;
        Assert.Equal(2, page["page"]!.GetValue<int>());
        Assert.Equal(2, page["pageSize"]!.GetValue<int>());
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.True(page["totalExact"]!.GetValue<bool>());
        var items = page["items"]!.AsArray();
        Assert.Single(items);
        Assert.Equal("hg-page-2", items[0]!["ContentItemId"]!.GetValue<string>());

        var none = JsonNode.Parse(await anonymous.GetStringAsync("haugiang/api/content?type=InvestmentCall&publishedAfter=2999-01-01"))!;
        Assert.Equal(0, none["total"]!.GetValue<int>());
        var otherSector = JsonNode.Parse(await anonymous.GetStringAsync("haugiang/api/content?type=InvestmentCall&sector=sector-y-te"))!;
        Assert.Equal(0, otherSector["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sectors_ListsTermIds()
    {
        using var anonymous = _kit.Client();
        var sectors = JsonNode.Parse(await anonymous.GetStringAsync("haugiang/api/taxonomies/sectors"))!;
        Assert.Contains(sectors["Terms"]!.AsArray(), t => t!["ContentItemId"]!.GetValue<string>() == "sector-giao-thong");
    }

    [Fact]
    public async Task Feed_IsRss20WithPublishedItems()
    {
        using var anonymous = _kit.Client();
        using var response = await anonymous.GetAsync("cantho/feeds/news.rss");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        Assert.Contains(rss.Descendants("guid"), g => g.Value == "ct-tin-ky-ket-2021-2025");
    }
}
