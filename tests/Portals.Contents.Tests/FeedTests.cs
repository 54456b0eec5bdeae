using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Published reads stay in memory for an hour unless a write in this process drops them.</summary>
public sealed class LongReadCacheFactory : PortalsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Portals:Api:ReadCacheSeconds", "3600")];
}

/// <summary>Issue 7, defects 6 (feed side) and 12: one bad item never breaks a feed; feeds are cached like lists.</summary>
public sealed class FeedTests(LongReadCacheFactory factory) : IClassFixture<LongReadCacheFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task Feed_ItemsWithControlCharactersOrBrokenJson_AreCleanedOrLeftOut_TheFeedStillServes()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-feed-control", "Tiêu đề có ký tự lạ"));
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-feed-broken", "Mục hỏng"));
        // Stored before write validation rejected them: a NUL in the title, a U+0001 in the summary, JSON cut short.
        await using (var db = factory.Service<TenantDatabase>().Open(factory.Tenant("haugiang")))
        {
            await db.ContentItems.Where(r => r.ContentItemId == "hg-feed-control").ExecuteUpdateAsync(s => s.SetProperty(
                r => r.Json, r => r.Json.Replace("Tiêu đề có ký tự lạ", "Tiêu đề\\u0000có ký tự lạ").Replace("hạ tầng", "hạ\\u0001tầng")));
            await db.ContentItems.Where(r => r.ContentItemId == "hg-feed-broken").ExecuteUpdateAsync(s => s.SetProperty(
                r => r.Json, "{\"ContentItemId\":\"hg-feed-broken\",\"ContentType\":"));
        }
        // Any write through the store drops the tenant's cached reads.
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-feed-after", "Mục viết sau"));

        using var response = await _kit.Client().GetAsync("haugiang/feeds/investment.rss");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var guids = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants("item").ToDictionary(
            i => i.Element("guid")!.Value, i => (Title: i.Element("title")!.Value, Description: i.Element("description")?.Value));
        Assert.Equal("Tiêu đềcó ký tự lạ", guids["hg-feed-control"].Title);
        Assert.Contains("hạtầng", guids["hg-feed-control"].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("hg-feed-broken", guids.Keys);
        Assert.Contains("hg-feed-after", guids.Keys);
    }

    [Fact]
    public async Task Feed_IsServedFromMemory_UntilTheTenantsNextWrite()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("ct-feed-cached", "Tiêu đề gốc trong bộ nhớ"), "cantho");
        using var client = _kit.Client();
        var first = await client.GetStringAsync("cantho/feeds/investment.rss");
        Assert.Contains("Tiêu đề gốc trong bộ nhớ", first, StringComparison.Ordinal);

        // A change no write signal reports (as if made by another process): the cached feed is served unchanged.
        await using (var db = factory.Service<TenantDatabase>().Open(factory.Tenant("cantho")))
        {
            Assert.True(await db.ContentItems.Where(r => r.ContentItemId == "ct-feed-cached").ExecuteUpdateAsync(s => s.SetProperty(
                r => r.Json, r => r.Json.Replace("Tiêu đề gốc trong bộ nhớ", "Tiêu đề đổi ngầm"))) > 0);
        }
        Assert.Equal(first, await client.GetStringAsync("cantho/feeds/investment.rss"));

        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("ct-feed-other", "Mục mới khác"), "cantho");
        var after = await client.GetStringAsync("cantho/feeds/investment.rss");
        Assert.Contains("Tiêu đề đổi ngầm", after, StringComparison.Ordinal);
        Assert.Contains("ct-feed-other", after, StringComparison.Ordinal);
    }
}
