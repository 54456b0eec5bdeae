using System.Net;
using System.Text.RegularExpressions;
using Portals.Testing;

namespace Portals.Web.Tests.Http;

/// <summary>Both portals on real Kestrel (a free loopback port): server headers, HEAD and URL decoding are Kestrel's.</summary>
public sealed class KestrelPortals : PortalsFactory
{
    public KestrelPortals() => UseKestrel(0);

    public HttpClient Http { get; private set; } = new();

    public override async Task InitializeAsync()
    {
        StartServer();
        Http = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
        await WaitForTenantsAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Issue 7, defects 8 and 12: no Server header, security headers on /api-docs, HEAD on reads, bad percent-encoding.</summary>
public sealed partial class KestrelEdgeTests(KestrelPortals portals) : IClassFixture<KestrelPortals>
{
    [Fact]
    public async Task Responses_SendNoServerHeader_AndNosniff()
    {
        using var response = await portals.Http.GetAsync("haugiang/api/content/hg-du-an-ql61c");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task ApiDocs_SendsCspWithAFreshScriptNonce_FrameDenialAndNosniff()
    {
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await portals.Http.GetAsync("api-docs/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = Header(response, "Content-Security-Policy")!;
            var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            var html = await response.Content.ReadAsStringAsync();
            var scripts = ScriptTag().Matches(html);
            Assert.NotEmpty(scripts);
            Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s.Value, StringComparison.Ordinal));
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Theory]
    [InlineData("haugiang/api/content/hg-du-an-ql61c")]
    [InlineData("haugiang/api/content/by-path/dau-tu-giai-doan-2-duong-noi-vi-thanh-can-tho-quoc-lo-61c")]
    [InlineData("haugiang/api/content?type=KeyProject")]
    [InlineData("haugiang/api/content-types")]
    [InlineData("haugiang/api/taxonomies/sectors")]
    [InlineData("haugiang/feeds/news.rss")]
    [InlineData("haugiang/api/search?q=kenh")]
    [InlineData("api/search?q=kenh")]
    public async Task Head_OnAReadRoute_AnswersLikeGetWithoutABody(string url)
    {
        using var get = await portals.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var head = await portals.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        if (get.Headers.ETag is { } etag)
        {
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            using var conditional = new HttpRequestMessage(HttpMethod.Head, url);
            conditional.Headers.IfNoneMatch.Add(etag);
            using var notModified = await portals.Http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Theory]
    [InlineData("haugiang/api/content/%FF")]
    [InlineData("haugiang/api/content/%C3%28")]
    [InlineData("haugiang/api/content/by-path/tin-tuc/%FF%FE")]
    [InlineData("haugiang/api/content?q=%FF&type=%C3%28&sector=%ED%A0%80")]
    [InlineData("haugiang/api/content?publishedAfter=%FF&sort=%FF&page=%FF")]
    [InlineData("haugiang/feeds/news.rss?x=%FF")]
    [InlineData("api/search?q=%FF%FE&tenant=%FF&type=%C0%AF")]
    [InlineData("haugiang/api/search?q=%ED%A0%80&sector=%FF")]
    [InlineData("%FF/api/content/x")]
    [InlineData("api-docs/%FF")]
    public async Task InvalidUtf8_PercentEncodedInPathOrQuery_IsNever500(string url)
    {
        using var response = await portals.Http.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task InvalidUtf8_PercentEncodedInTokenForm_IsAnOAuthError()
    {
        using var content = new StringContent("grant_type=client_credentials&client_id=%FF%FE&client_secret=%C3%28", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await portals.Http.PostAsync("haugiang/connect/token", content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    [GeneratedRegex("script-src[^;]*'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
