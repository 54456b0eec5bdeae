using System.Net;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Every route, tried by the four callers: anonymous, a token of this tenant, of the other tenant, and without the permission.</summary>
public sealed class AuthMatrixTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private const string SeedItem = "hg-du-an-ql61c";
    private const string SeedPath = "dau-tu-giai-doan-2-duong-noi-vi-thanh-can-tho-quoc-lo-61c";
    private readonly ApiTestKit _kit = new(factory);

    /// <summary>Route, then the expected status for Anonymous, OwnTenant, OtherTenant, NoPermission. "{fresh}" is a newly created item.</summary>
    public static TheoryData<string, string, int, int, int, int> Routes => new()
    {
        { "GET", $"haugiang/api/content/{SeedItem}", 200, 200, 401, 200 },
        { "GET", $"haugiang/api/content/{SeedItem}?version=latest", 401, 200, 401, 403 },
        { "GET", "haugiang/api/content/hg-khong-ton-tai", 404, 404, 401, 404 },
        { "GET", "haugiang/api/content?type=KeyProject&page=1&pageSize=20", 200, 200, 401, 200 },
        { "GET", $"haugiang/api/content/by-path/{SeedPath}", 200, 200, 401, 200 },
        { "GET", "haugiang/api/content/by-path/khong-co-duong-dan", 404, 404, 401, 404 },
        { "GET", "haugiang/api/content-types", 200, 200, 401, 200 },
        { "GET", "haugiang/api/taxonomies/sectors", 200, 200, 401, 200 },
        { "GET", "haugiang/feeds/news.rss", 200, 200, 401, 200 },
        { "GET", "haugiang/feeds/investment.rss", 200, 200, 401, 200 },
        { "POST", "haugiang/api/content", 401, 200, 401, 403 },
        { "POST", "haugiang/api/content/{fresh}/publish", 401, 200, 401, 403 },
        { "POST", "haugiang/api/content/{fresh}/unpublish", 401, 200, 401, 403 },
        { "POST", "haugiang/api/content/hg-khong-ton-tai/publish", 401, 404, 401, 403 },
        { "DELETE", "haugiang/api/content/{fresh}", 401, 204, 401, 403 },
        { "DELETE", "haugiang/api/content/hg-khong-ton-tai", 401, 404, 401, 403 },
        { "GET", "openapi/v1.json", 200, 200, 200, 200 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_EachCaller_GetsExpectedStatus(string method, string route, int anonymous, int own, int other, int noPermission)
    {
        var expected = new Dictionary<Caller, int>
        {
            [Caller.Anonymous] = anonymous,
            [Caller.OwnTenant] = own,
            [Caller.OtherTenant] = other,
            [Caller.NoPermission] = noPermission,
        };
        foreach (var (caller, status) in expected)
        {
            var url = route;
            if (url.Contains("{fresh}", StringComparison.Ordinal))
            {
                var id = "hg-matrix-" + Guid.NewGuid().ToString("n")[..10];
                await _kit.UpsertAsync(ApiTestKit.InvestmentCall(id, "Dự án ma trận " + id));
                url = url.Replace("{fresh}", id, StringComparison.Ordinal);
            }
            using var client = await _kit.ClientAsAsync(caller);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method == "POST" && !url.Contains("publish", StringComparison.Ordinal))
            {
                request.Content = ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-matrix-" + Guid.NewGuid().ToString("n")[..10]));
            }
            using var response = await client.SendAsync(request);
            Assert.True(status == (int)response.StatusCode, $"{method} {url} as {caller}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
            {
                await ApiTestKit.ReadProblemAsync(response, (HttpStatusCode)status);
            }
            if (status == 401)
            {
                Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task HostRequest_WithoutPrefix_ServesTheHostsTenant()
    {
        using var client = _kit.Client("cantho.localhost");
        using var response = await client.GetAsync("api/content/ct-du-an-ql61c");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var foreign = await client.GetAsync($"api/content/{SeedItem}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task HostRequest_WithOtherTenantsToken_Gets401()
    {
        using var client = _kit.Client("cantho.localhost");
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _kit.TokenAsync("haugiang"));
        using var response = await client.PostAsync("api/content/ct-du-an-ql61c/publish", null);
        await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_AuthorWithoutPublishPermission_CanSaveDraftButNotPublish()
    {
        using var client = _kit.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _kit.TokenAsync("haugiang", ApiTestKit.AuthorClient));
        using var published = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-author-1")));
        await ApiTestKit.ReadProblemAsync(published, HttpStatusCode.Forbidden);
        using var draft = await client.PostAsync("haugiang/api/content?draft=true", ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-author-1")));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
    }

    [Fact]
    public async Task Write_WithCookieOnly_Gets401()
    {
        using var client = _kit.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "haugiang/api/content") { Content = ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-cookie")) };
        request.Headers.Add("Cookie", ".AspNetCore.Cookies=anything; .AspNetCore.Identity.Application=anything");
        using var response = await client.SendAsync(request);
        await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
