using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Strong ETags, 304 on If-None-Match, 412 on a stale If-Match, and cache headers.</summary>
public sealed class ConditionalRequestTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Theory]
    [InlineData("haugiang/api/content/hg-du-an-ql61c")]
    [InlineData("haugiang/api/content?type=KeyProject")]
    [InlineData("haugiang/feeds/news.rss")]
    public async Task Get_IfNoneMatchCurrentETag_Gets304(string url)
    {
        using var client = _kit.Client();
        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task Get_AfterPublishingNewVersion_ETagChanges()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-etag", "Dự án thẻ phiên bản"));
        using var client = _kit.Client();
        using var before = await client.GetAsync("haugiang/api/content/hg-etag");
        await _kit.UpsertAsync(new JsonObject { ["ContentItemId"] = "hg-etag", ["TitlePart"] = new JsonObject { ["Title"] = "Tên mới" } });
        using var request = new HttpRequestMessage(HttpMethod.Get, "haugiang/api/content/hg-etag");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Get_WithToken_IsPrivate()
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.GetAsync("haugiang/api/content/hg-du-an-ql61c");
        Assert.True(response.Headers.CacheControl?.Private);
    }

    [Fact]
    public async Task Upsert_IfMatchStale_Gets412AndNothingChanges()
    {
        var created = await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-if-match", "Dự án khóa lạc quan"));
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var read = await client.GetAsync("haugiang/api/content/hg-if-match?version=latest");
        var etag = read.Headers.ETag!;
        await _kit.UpsertAsync(new JsonObject { ["ContentItemId"] = "hg-if-match", ["TitlePart"] = new JsonObject { ["Title"] = "Người khác sửa trước" } });

        using var stale = new HttpRequestMessage(HttpMethod.Post, "haugiang/api/content")
        {
            Content = ApiTestKit.Json(new JsonObject { ["ContentItemId"] = "hg-if-match", ["TitlePart"] = new JsonObject { ["Title"] = "Bản sửa bị mất" } }),
        };
        stale.Headers.IfMatch.Add(etag);
        using var rejected = await client.SendAsync(stale);
        await ApiTestKit.ReadProblemAsync(rejected, HttpStatusCode.PreconditionFailed);
        var current = JsonNode.Parse(await client.GetStringAsync("haugiang/api/content/hg-if-match?version=latest"))!;
        Assert.Equal("Người khác sửa trước", current["DisplayText"]!.GetValue<string>());
        Assert.NotEqual(created["ContentItemVersionId"]!.GetValue<string>(), current["ContentItemVersionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upsert_IfMatchCurrent_Succeeds()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-if-match-ok"));
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var read = await client.GetAsync("haugiang/api/content/hg-if-match-ok?version=latest");
        using var update = new HttpRequestMessage(HttpMethod.Post, "haugiang/api/content")
        {
            Content = ApiTestKit.Json(new JsonObject { ["ContentItemId"] = "hg-if-match-ok", ["TitlePart"] = new JsonObject { ["Title"] = "Sửa đúng phiên bản" } }),
        };
        update.Headers.IfMatch.Add(read.Headers.ETag!);
        using var response = await client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Upsert_ConcurrentWritersWithSameIfMatch_ExactlyOneWins()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-race"));
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var read = await client.GetAsync("haugiang/api/content/hg-race?version=latest");
        var etag = read.Headers.ETag!;
        var writers = Enumerable.Range(0, 6).Select(async i =>
        {
            using var update = new HttpRequestMessage(HttpMethod.Post, "haugiang/api/content")
            {
                Content = ApiTestKit.Json(new JsonObject { ["ContentItemId"] = "hg-race", ["TitlePart"] = new JsonObject { ["Title"] = $"Người sửa {i}" } }),
            };
            update.Headers.IfMatch.Add(etag);
            using var response = await client.SendAsync(update);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(writers);
        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.PreconditionFailed, s));
    }

    [Theory]
    [InlineData("POST", "haugiang/api/content/hg-if-match-other/publish")]
    [InlineData("POST", "haugiang/api/content/hg-if-match-other/unpublish")]
    [InlineData("DELETE", "haugiang/api/content/hg-if-match-other")]
    public async Task Change_IfMatchStale_Gets412(string method, string url)
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-if-match-other"));
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var response = await client.SendAsync(request);
        await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }
}
