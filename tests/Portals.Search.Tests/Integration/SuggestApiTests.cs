using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portals.Core.Content;
using Portals.Search.Http;
using Portals.Testing;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>Cần Thơ allows 3 anonymous requests a minute here, to show the suggestions share the API's rate limit.</summary>
public sealed class SuggestFactory : PortalsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Portals:Tenants:cantho:AnonymousRequestsPerMinute", "3")];
}

/// <summary><c>GET /api/search/suggest</c> over both seeded portals.</summary>
public sealed class SuggestApiTests(SuggestFactory factory) : IClassFixture<SuggestFactory>
{
    private async Task<SuggestResponse> SuggestAsync(string url) =>
        (await factory.CreateClient().GetFromJsonAsync<SuggestResponse>(url))!;

    private async Task<SuggestResponse> EventuallySuggestAsync(string url, Func<SuggestResponse, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await SuggestAsync(url);
            if (expected(response) || DateTime.UtcNow > deadline)
            {
                return response;
            }
            await Task.Delay(50);
        }
    }

    private static List<string> Ids(SuggestResponse response) => response.Titles.Select(t => $"{t.Tenant}/{t.ContentItemId}").ToList();

    [Theory]
    [InlineData("kenh x")]
    [InlineData("Kênh Xáng")]
    [InlineData("KÊNH-XÁNG XÀ")]
    public async Task Suggest_SeededCanal_BothProvincesTitles(string q)
    {
        var response = await EventuallySuggestAsync("/api/search/suggest?q=" + Uri.EscapeDataString(q), r => r.Titles.Count >= 2);

        Assert.Equal(["cantho/ct-du-an-kenh-xa-no", "haugiang/hg-du-an-kenh-xa-no"], Ids(response).Order());
        Assert.All(response.Titles, t => Assert.Equal("Cải tạo, khai thông tuyến đường thủy Kênh Xáng Xà No", t.Title));
        Assert.Equal(q, response.Query);
    }

    [Fact]
    public async Task Suggest_UnderTenantWithTenantFilter_OnlyThatTenant()
    {
        var response = await EventuallySuggestAsync("/haugiang/api/search/suggest?tenant=haugiang&q=kenh", r => r.Titles.Count >= 1);

        Assert.Equal(["haugiang/hg-du-an-kenh-xa-no"], Ids(response));
    }

    [Fact]
    public async Task Suggest_SectorName_FromTheTaxonomy()
    {
        var response = await EventuallySuggestAsync("/api/search/suggest?q=giao%20th", r => r.Sectors.Count >= 1);

        Assert.Equal([new SuggestSector("sector-giao-thong", "Giao thông vận tải")], response.Sectors);
    }

    [Fact]
    public async Task Suggest_DraftsAndOtherTenant_NeverSuggested()
    {
        const string word = "Zqxgoiy";
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("sg-draft", $"{word} bản nháp"), SaveMode.Draft, default));
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("sg-pub", $"{word} công bố"), SaveMode.Publish, default));
        await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("sg-other", $"{word} Cần Thơ"), SaveMode.Publish, default));
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("sg-pub", $"{word} nháp mới"), SaveMode.Draft, default));

        var both = await EventuallySuggestAsync($"/api/search/suggest?q={word}", r => r.Titles.Count >= 2);
        Assert.Equal(["cantho/sg-other", "haugiang/sg-pub"], Ids(both).Order());
        Assert.Equal($"{word} công bố", both.Titles.Single(t => t.ContentItemId == "sg-pub").Title);
        var own = await SuggestAsync($"/haugiang/api/search/suggest?tenant=haugiang&q={word.ToLowerInvariant()}");
        Assert.Equal(["haugiang/sg-pub"], Ids(own));
        // The words only drafts hold.
        Assert.Empty((await SuggestAsync($"/api/search/suggest?tenant=haugiang&q={word}%20n")).Titles);
        Assert.Empty((await SuggestAsync($"/api/search/suggest?q={word}%20b")).Titles);
    }

    [Theory]
    [InlineData("(kenh) AND x*")]
    [InlineData("\"kenh x")]
    [InlineData("kenh\u0000x")]
    [InlineData("title:kenh~2 ^5 \\ /regex/")]
    public async Task Suggest_HostileText_200WithValidSuggestions(string q)
    {
        var response = await factory.CreateClient().GetAsync("/api/search/suggest?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<SuggestResponse>())!;
        Assert.InRange(body.Titles.Count, 0, 8);
        Assert.All(body.Titles, t => Assert.False(string.IsNullOrEmpty(t.Url)));
    }

    [Fact]
    public async Task Suggest_DecomposedText_SameAsComposed()
    {
        var composed = await EventuallySuggestAsync("/api/search/suggest?q=" + Uri.EscapeDataString("Kênh Xáng"), r => r.Titles.Count >= 2);
        var decomposed = await SuggestAsync("/api/search/suggest?q=" + Uri.EscapeDataString("Kênh Xáng".Normalize(NormalizationForm.FormD)));

        Assert.Equal(2, composed.Titles.Count);
        Assert.Equal(Ids(composed), Ids(decomposed));
    }

    [Theory]
    [InlineData("/api/search/suggest?q=")]
    [InlineData("/api/search/suggest")]
    public async Task Suggest_NothingTyped_EmptyLists(string url)
    {
        var response = await SuggestAsync(url);

        Assert.Empty(response.Titles);
        Assert.Empty(response.Sectors);
    }

    [Theory]
    [InlineData("/api/search/suggest?q=", 10_000)]
    [InlineData("/haugiang/api/search/suggest?q=", 201)]
    [InlineData("/api/search/suggest?tenant=vinhlong&q=kenh", 0)]
    public async Task Suggest_InvalidParameters_400Problem(string url, int length)
    {
        var response = await factory.CreateClient().GetAsync(url + new string('a', length));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("traceId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_OverTheAnonymousLimit_429WithRetryAfter()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/cantho/api/search/suggest?q=kenh");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.GetAsync("/cantho/api/search/suggest?q=kenh");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("/api/search/suggest", "400,429")]
    [InlineData("/{tenant}/api/search/suggest", "400,401,429")]
    public async Task OpenApi_SuggestRoutes_DescribedWithTypedResponseAndErrors(string path, string errors)
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json");
        Assert.EndsWith("/SuggestResponse", ok.GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.All(errors.Split(','), status => Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), status));
    }
}
