using System.Net;
using System.Net.Http.Headers;
using Portals.Testing;

namespace Portals.Themes.Tests;

/// <summary>The item catch-all never shadows what other modules own; unknown pages are a themed 404 for browsers only.</summary>
public sealed class RoutingTests(PortalsFactory portals) : IClassFixture<PortalsFactory>
{
    [Theory]
    [InlineData("/haugiang/api/no-such-route")]
    [InlineData("/haugiang/api/content/no-such-item")]
    [InlineData("/haugiang/feeds/no-such.rss")]
    [InlineData("/haugiang/admin/no-such-page")]
    [InlineData("/haugiang/media/no-such-folder/no-such-file.pdf")]
    [InlineData("/haugiang/connect/nothing")]
    public async Task ReservedPrefixes_AreNeverAThemedPage(string path)
    {
        using var client = portals.CreateClient();
        using var api = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var browser = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, browser.StatusCode);
        Assert.NotEqual("text/html", browser.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/haugiang/feeds/news.rss", "application/rss+xml")]
    [InlineData("/cantho/feeds/investment.rss", "application/rss+xml")]
    [InlineData("/haugiang/health", "application/json")]
    [InlineData("/health", "application/json")]
    [InlineData("/haugiang/api/content-types", "application/json")]
    public async Task OtherModulesRoutes_StillAnswer(string path, string mediaType)
    {
        using var response = await portals.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TokenEndpoint_IsNotShadowed()
    {
        using var response = await portals.CreateClient().PostAsync("/haugiang/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "portals-cli",
            ["client_secret"] = PortalsFactory.ApiClientSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_Browser_GetsThemed404WithSearchBox()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cantho/khong-co-trang-nay");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await portals.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Không tìm thấy trang</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"search-form\" method=\"get\" action=\"/cantho/tim-kiem\" role=\"search\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Cần Thơ</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_ApiClient_GetsProblem404()
    {
        using var response = await portals.CreateClient().GetAsync("/cantho/khong-co-trang-nay");
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy trang.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task TenantHost_ServesTheThemedHomeAtRoot()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "cantho.localhost";
        using var response = await portals.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>Cần Thơ</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://cantho.localhost/cantho/\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_AnswersWithoutBody_AndPost_IsNotAPage()
    {
        using var client = portals.CreateClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/haugiang/tin-tuc"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var post = await client.PostAsync("/haugiang/tin-tuc", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Stylesheet_IsVersionedImmutableAndDiffersPerTheme()
    {
        using var client = portals.CreateClient();
        var home = await client.GetStringAsync("/haugiang/");
        var href = System.Text.RegularExpressions.Regex.Match(home, "<link rel=\"stylesheet\" href=\"([^\"]+)\">").Groups[1].Value;
        Assert.StartsWith("/haugiang/assets/site.css?v=", href, StringComparison.Ordinal);
        using var css = await client.GetAsync(href);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var hauGiang = await css.Content.ReadAsStringAsync();
        var canTho = await client.GetStringAsync("/cantho/assets/site.css");
        Assert.Contains("--primary: #0b6b3a", hauGiang, StringComparison.Ordinal);
        Assert.Contains("--primary: #0d3f8f", canTho, StringComparison.Ordinal);
        Assert.DoesNotContain("#0d3f8f", hauGiang, StringComparison.Ordinal);
    }
}
