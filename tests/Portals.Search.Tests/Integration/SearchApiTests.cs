using System.Net;
using System.Net.Http.Json;
using Portals.Core.Content;
using Portals.Search.Http;
using Portals.Testing;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>The search API over both seeded portals, fed by the change log.</summary>
public sealed class SearchApiTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Theory]
    [InlineData("kenh xang xa no")]
    [InlineData("Kênh Xáng Xà No")]
    [InlineData("KÊNH   XÁNG - XÀ NO!")]
    public async Task Search_SeededCanal_FoundInBothProvinces(string query)
    {
        var response = await EventuallyAsync(factory, query, r => r.Total >= 2);
        var top = response.Items.Take(2).ToList();
        Assert.Equal(["cantho/ct-du-an-kenh-xa-no", "haugiang/hg-du-an-kenh-xa-no"], top.Select(i => $"{i.Tenant}/{i.ContentItemId}").Order());
        Assert.All(top, i => Assert.Contains("<mark>", i.Snippet, StringComparison.Ordinal));
        Assert.Contains(top, i => i.Url == "/haugiang/cai-tao-khai-thong-tuyen-duong-thuy-kenh-xang-xa-no");
        Assert.Equal(response.Facets["tenant"]["haugiang"], response.Facets["tenant"]["cantho"]);
    }

    [Fact]
    public async Task Search_ExtraAndUnknownWords_CanalShownAndRelaxedReported()
    {
        await EventuallyAsync(factory, "kenh xang xa no", r => r.Total >= 2);

        var response = await SearchAsync(factory, "kenh xang xa no bao hiem");

        // The news of the signing holds every word kept; the canal projects hold four of five and come next, each
        // pair in either order (the same text in both portals scores the same).
        var ids = response.Items.Select(i => $"{i.Tenant}/{i.ContentItemId}").ToList();
        Assert.Equal(["cantho/ct-tin-ky-ket-2021-2025", "haugiang/hg-tin-ky-ket-2021-2025"], ids.Take(2).Order());
        Assert.Equal(["cantho/ct-du-an-kenh-xa-no", "haugiang/hg-du-an-kenh-xa-no"], ids.Skip(2).Take(2).Order());
        Assert.True(response.Relaxed);
        Assert.Equal(["hiem"], response.UnmatchedWords);
        var exact = await SearchAsync(factory, "kenh xang xa no");
        Assert.False(exact.Relaxed);
        Assert.Empty(exact.UnmatchedWords);
    }

    [Fact]
    public async Task Search_Typo_FindsTheProgrammeAndSaysSo()
    {
        var response = await EventuallyAsync(factory, "chuonh trinh hop tac", r => r.Total >= 2);

        Assert.Equal(["cantho/ct-chuong-trinh-2021-2025", "haugiang/hg-chuong-trinh-2021-2025"], response.Items.Take(2).Select(i => $"{i.Tenant}/{i.ContentItemId}").Order());
        Assert.True(response.Relaxed);
        Assert.Empty(response.UnmatchedWords);
    }

    [Fact]
    public async Task Search_UnderTenantPrefixWithTenantFilter_OnlyThatTenant()
    {
        await EventuallyAsync(factory, "quoc lo 61c", r => r.Total >= 2);
        var client = factory.CreateClient();
        var both = await client.GetFromJsonAsync<SearchResponse>("/cantho/api/search?q=quoc%20lo%2061c");
        Assert.Contains(both!.Items, i => i.Tenant == "haugiang");
        var only = await client.GetFromJsonAsync<SearchResponse>("/cantho/api/search?q=quoc%20lo%2061c&tenant=haugiang");
        Assert.NotEmpty(only!.Items);
        Assert.All(only.Items, i => Assert.Equal("haugiang", i.Tenant));
        var typed = await client.GetFromJsonAsync<SearchResponse>("/api/search?type=NewsArticle&sector=sector-giao-thong&pageSize=50");
        Assert.NotEmpty(typed!.Items);
        Assert.All(typed.Items, i => Assert.Equal("NewsArticle", i.ContentType));
        Assert.All(typed.Items, i => Assert.Contains("sector-giao-thong", i.Sector));
        var untyped = await client.GetFromJsonAsync<SearchResponse>("/api/search?sector=sector-giao-thong&pageSize=50");
        Assert.True(untyped!.Total > typed.Total, "the type filter left out the other types of the sector");
    }

    [Theory]
    [InlineData("/api/search?page=0")]
    [InlineData("/api/search?pageSize=51")]
    [InlineData("/api/search?pageSize=abc")]
    [InlineData("/api/search?tenant=vinhlong")]
    [InlineData("/haugiang/api/search?page=-1")]
    public async Task Search_InvalidParameters_400Problem(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("traceId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"đầu tư")]
    [InlineData("(Cần Thơ] AND NOT {")]
    [InlineData("*:* OR title:x~2 ^5 \\ /regex/")]
    [InlineData("đầu tư AND")]
    public async Task Search_HostileText_200(string query)
    {
        var response = await factory.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_TenThousandCharacters_400NotServerError()
    {
        var response = await factory.CreateClient().GetAsync("/api/search?q=" + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Search_DraftUnpublishedDeleted_NeverInResultsOrFacets()
    {
        const string word = "zyxquanhtest";
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("leak-draft", $"Bản nháp {word}"), SaveMode.Draft, default));
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("leak-pub", $"Công bố {word}"), SaveMode.Publish, default));
        await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("leak-del", $"Sẽ xoá {word}"), SaveMode.Publish, default));
        var response = await EventuallyAsync(factory, word, r => r.Total == 2);
        Assert.Equal(["cantho/leak-del", "haugiang/leak-pub"], Ids(response));

        await WriteAsync(factory, "haugiang", s => s.UnpublishAsync("leak-pub", default));
        await WriteAsync(factory, "cantho", s => s.DeleteAsync("leak-del", default));
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("leak-pub2", $"Nháp mới {word}"), SaveMode.Draft, default));
        response = await EventuallyAsync(factory, word, r => r.Total == 0);
        Assert.Equal(0, response.Total);
        Assert.Empty(response.Items);
        Assert.Equal([FacetNames.ContentType, FacetNames.Sector, FacetNames.Tenant], response.Facets.Keys.Order(StringComparer.Ordinal));
        Assert.All(response.Facets, facet => Assert.Empty(facet.Value));

        await WriteAsync(factory, "haugiang", s => s.PublishAsync("leak-pub", default));
        response = await EventuallyAsync(factory, word, r => r.Total == 1);
        Assert.Equal(["haugiang/leak-pub"], Ids(response));
    }

    [Fact]
    public async Task Search_RelaxedAndTypoWithTenant_NeverADraftOrTheOtherTenant()
    {
        const string word = "zqxrelax";
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("rx-pub", $"Kênh {word} công bố"), SaveMode.Publish, default));
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("rx-draft", $"Kênh {word} bản nháp"), SaveMode.Draft, default));
        await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("rx-other", $"Kênh {word} Cần Thơ"), SaveMode.Publish, default));
        await EventuallyAsync(factory, word, r => r.Total == 2);
        var client = factory.CreateClient();

        foreach (var q in new[] { $"{word} zzqxw", $"kênh {word} nháp", "zqxrelaz", "zqxrelaz kênh" })
        {
            var response = await client.GetFromJsonAsync<SearchResponse>($"/haugiang/api/search?tenant=haugiang&pageSize=50&q={Uri.EscapeDataString(q)}");
            Assert.Equal(["haugiang/rx-pub"], response!.Items.Select(i => $"{i.Tenant}/{i.ContentItemId}"));
            Assert.True(response.Relaxed, q);
        }
    }

    [Fact]
    public async Task Search_DraftOverPublished_IndexKeepsPublishedText()
    {
        await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("ver-1", "Phiên bản công khai qwvutest"), SaveMode.Publish, default));
        await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("ver-1", "Phiên bản nháp bimatqwv"), SaveMode.Draft, default));
        await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("ver-2", "Mốc đồng bộ mocqwv"), SaveMode.Publish, default));
        await EventuallyAsync(factory, "mocqwv", r => r.Total == 1);
        Assert.Equal(1, (await SearchAsync(factory, "qwvutest")).Total);
        Assert.Equal(0, (await SearchAsync(factory, "bimatqwv")).Total);
    }
}
