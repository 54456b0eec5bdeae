using System.Net;
using System.Net.Http.Headers;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Testing;

namespace Portals.Themes.Tests;

/// <summary>
/// Drafts, unpublished and deleted items never reach a public page, the sitemap, a feed or the search page — checked
/// right after each change, with every page warmed in the output cache first, so a stale cached page would fail.
/// </summary>
public sealed class VisibilityAndCacheTests(SeededPortals portals) : IClassFixture<SeededPortals>
{
    private static readonly string[] Listings = ["/haugiang/", "/haugiang/tin-tuc", "/haugiang/sitemap.xml", "/haugiang/feeds/news.rss"];

    [Fact]
    public async Task Draft_UnpublishAndDelete_NeverVisible_AndPublishShowsOnTheNextRequest()
    {
        using var client = portals.CreateClient();
        const string word = "zqxvisible";
        var title = $"Tin vòng đời {word}";
        var draftTitle = $"Tiêu đề nháp chưa duyệt {word}";
        await WarmAsync(client);

        // A draft: nowhere.
        var draft = (await SectionContent.DraftAsync(portals, "haugiang", SectionContent.News("hg-vong-doi", title)))[0];
        var path = $"/haugiang/{draft.Path}";
        await AssertNowhereAsync(client, title, path, word);

        // Published: on every listing at the next request (the cache turned over), and searchable once indexed.
        await WarmAsync(client);
        await PublishAsync("hg-vong-doi");
        foreach (var url in Listings)
        {
            Assert.Contains(url.EndsWith(".xml", StringComparison.Ordinal) ? draft.Path! : title, await client.GetStringAsync(url), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        await EventuallyAsync(async () => (await client.GetStringAsync($"/cantho/tim-kiem?q={word}")).Contains(title, StringComparison.Ordinal));

        // A newer draft of a published item: the public pages keep the published title.
        await SectionContent.DraftAsync(portals, "haugiang", SectionContent.News("hg-vong-doi", draftTitle));
        foreach (var url in Listings.Append(path))
        {
            Assert.DoesNotContain(draftTitle, await client.GetStringAsync(url), StringComparison.Ordinal);
        }

        // Unpublished: gone at once everywhere, search included (the page checks hits against the store).
        await WarmAsync(client, path, $"/haugiang/tim-kiem?q={word}");
        await SectionContent.UnpublishAsync(portals, "haugiang", "hg-vong-doi");
        await AssertNowhereAsync(client, title, path, word);

        // Published again, then deleted: gone at once.
        await PublishAsync("hg-vong-doi");
        await EventuallyAsync(async () => (await client.GetStringAsync($"/haugiang/tim-kiem?q={word}")).Contains(draftTitle, StringComparison.Ordinal));
        await WarmAsync(client, path, $"/haugiang/tim-kiem?q={word}");
        await SectionContent.DeleteAsync(portals, "haugiang", "hg-vong-doi");
        await AssertNowhereAsync(client, draftTitle, path, word);
    }

    [Fact]
    public async Task CachedPage_IsServedFromTheOutputCache_AndAnswersIfNoneMatchWith304()
    {
        using var client = portals.CreateClient();
        // The change-log watcher may turn the generation over once after the seeding; then the next pair of requests hits.
        HttpResponseMessage? cached = null;
        EntityTagHeaderValue? etag = null;
        await EventuallyAsync(async () =>
        {
            using var first = await client.GetAsync("/cantho/du-an-trong-diem");
            Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());
            etag = first.Headers.ETag;
            cached?.Dispose();
            cached = await client.GetAsync("/cantho/du-an-trong-diem");
            return cached.Headers.Age is not null; // the output cache answered
        });
        Assert.NotNull(etag);
        Assert.Equal(etag, cached!.Headers.ETag);
        cached.Dispose();

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/cantho/du-an-trong-diem");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RenderedPage_AnswersIfNoneMatchWith304_AndAStaleTagWith200()
    {
        using var client = portals.CreateClient();
        using var first = await client.GetAsync("/haugiang/bao-cao");
        var etag = first.Headers.ETag!;
        // An unknown query parameter changes the cache key but not the page: this request is rendered, not served from cache.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/haugiang/bao-cao?khong-biet={Guid.NewGuid():n}");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Null(notModified.Headers.Age);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/haugiang/bao-cao");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-one\""));
        using var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.NotEmpty(await full.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WriteByAnotherProcess_ShowsAfterTheChangeLogWatcherPolls()
    {
        using var client = portals.CreateClient();
        await client.GetStringAsync("/cantho/tin-tuc");
        // A store without the process's change signal stands for the CLI or a second node writing to the same database.
        var foreign = new EfContentStore(portals.Service<TenantDatabase>(), TimeProvider.System);
        await using (var session = await foreign.OpenAsync(portals.Tenant("cantho"), default))
        {
            await session.SaveAsync(ContentItem.Parse(SectionContent.News("ct-tin-ngoai", "Tin ghi từ tiến trình khác").ToJsonString()), SaveMode.Publish, default);
            await session.CommitAsync(default);
        }
        await EventuallyAsync(async () => (await client.GetStringAsync("/cantho/tin-tuc")).Contains("Tin ghi từ tiến trình khác", StringComparison.Ordinal));
    }

    private async Task PublishAsync(string id)
    {
        await using var session = await portals.Service<IContentStore>().OpenAsync(portals.Tenant("haugiang"), default);
        Assert.NotNull(await session.PublishAsync(id, default));
        await session.CommitAsync(default);
    }

    /// <summary>Requests every listing (and extra pages) so that each sits in the output cache before a change.</summary>
    private static async Task WarmAsync(HttpClient client, params string[] extra)
    {
        foreach (var url in Listings.Concat(extra))
        {
            await client.GetAsync(url);
            using var again = await client.GetAsync(url);
        }
    }

    private static async Task AssertNowhereAsync(HttpClient client, string title, string path, string word)
    {
        foreach (var url in Listings.Concat([$"/haugiang/tim-kiem?q={word}", $"/cantho/tim-kiem?q={word}", "/haugiang/feeds/investment.rss"]))
        {
            var body = await client.GetStringAsync(url);
            Assert.DoesNotContain(title, body, StringComparison.Ordinal);
            Assert.DoesNotContain(path, body, StringComparison.Ordinal);
        }
        using var item = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, item.StatusCode);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(100);
        }
    }
}
