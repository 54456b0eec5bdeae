using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>
/// A schedule is a publication: an Author (no PublishContent) can neither post one nor inherit one, so nothing they
/// write reaches the public. The scheduler is driven directly (<see cref="IPublishingScheduler.PublishDueAsync"/> with
/// a time past the schedule), never by waiting for its timer.
/// </summary>
public sealed class PublishRightsTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task Upsert_AuthorPostsScheduleOnPublishedItem_403AndTitleNeverPublic()
    {
        const string id = "hg-tin-lich-1";
        await _kit.UpsertAsync(News(id, "Tin đã duyệt về Quốc lộ 61C"));
        using var author = await AuthorAsync();
        var defaced = News(id, "Tiêu đề tác giả tự đăng 61C");
        defaced["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = DateTime.UtcNow.AddSeconds(2).ToString("O") };

        using var response = await author.PostAsync("haugiang/api/content?draft=true", ApiTestKit.Json(defaced));

        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("PublishContent", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await RunSchedulerAsync();
        await AssertPublicShowsAsync(id, "Tin đã duyệt về Quốc lộ 61C", "Tiêu đề tác giả tự đăng 61C");
    }

    [Fact]
    public async Task Upsert_AuthorEditsScheduledDraft_ScheduleDroppedAndTitleNeverPublic()
    {
        const string id = "hg-tin-lich-2";
        await _kit.UpsertAsync(News(id, "Tin đã duyệt về kênh Xà No"));
        var scheduled = new JsonObject
        {
            ["ContentItemId"] = id,
            ["TitlePart"] = new JsonObject { ["Title"] = "Bản biên tập viên hẹn giờ Xà No" },
            ["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = DateTime.UtcNow.AddMinutes(30).ToString("O") },
        };
        await _kit.UpsertAsync(scheduled, draft: true);
        using var author = await AuthorAsync();
        var edit = new JsonObject { ["ContentItemId"] = id, ["TitlePart"] = new JsonObject { ["Title"] = "Bản tác giả sửa Xà No" } };

        using var response = await author.PostAsync("haugiang/api/content?draft=true", ApiTestKit.Json(edit));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(saved["PublishLaterPart"]?["ScheduledPublishUtc"]);
        await RunSchedulerAsync();
        await AssertPublicShowsAsync(id, "Tin đã duyệt về kênh Xà No", "Bản tác giả sửa Xà No");
    }

    [Fact]
    public async Task Upsert_ClientSendsOwnerAndAuthor_ServerSetsThemFromCaller()
    {
        var created = News("hg-tin-chu-so-huu", "Tin về chủ sở hữu");
        created["Owner"] = "gia-mao";
        created["Author"] = "gia-mao";
        var saved = await _kit.UpsertAsync(created);
        Assert.Equal(("portals-cli", "portals-cli"), (saved["Owner"]!.GetValue<string>(), saved["Author"]!.GetValue<string>()));

        using var author = await AuthorAsync();
        var edit = new JsonObject { ["ContentItemId"] = "hg-tin-chu-so-huu", ["Owner"] = "gia-mao", ["Author"] = "gia-mao" };
        using var response = await author.PostAsync("haugiang/api/content?draft=true", ApiTestKit.Json(edit));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("portals-cli", ApiTestKit.AuthorClient), (edited["Owner"]!.GetValue<string>(), edited["Author"]!.GetValue<string>()));
    }

    private static JsonObject News(string id, string title) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "NewsArticle",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["NewsArticle"] = new JsonObject { ["Summary"] = new JsonObject { ["Text"] = "Tóm tắt tin." } },
    };

    private async Task<HttpClient> AuthorAsync()
    {
        var client = _kit.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _kit.TokenAsync("haugiang", ApiTestKit.AuthorClient));
        return client;
    }

    /// <summary>What the scheduled-publishing service does on its next tick, at a time well past any schedule above.</summary>
    private async Task RunSchedulerAsync()
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default);
        await session.PublishDueAsync(DateTime.UtcNow.AddHours(2), default);
        await session.CommitAsync(default);
    }

    private async Task AssertPublicShowsAsync(string id, string approved, string forbidden)
    {
        using var anonymous = _kit.Client();
        var item = JsonNode.Parse(await anonymous.GetStringAsync($"haugiang/api/content/{id}"))!;
        Assert.Equal(approved, item["DisplayText"]!.GetValue<string>());
        var feed = await anonymous.GetStringAsync("haugiang/feeds/news.rss");
        Assert.Contains(approved, feed, StringComparison.Ordinal);
        Assert.DoesNotContain(forbidden, feed, StringComparison.Ordinal);
    }
}
