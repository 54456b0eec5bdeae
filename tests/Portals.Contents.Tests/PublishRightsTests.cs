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
        using var author = await AuthorAsync();
        await AuthorDraftAsync(author, News(id, "Bản đầu của tác giả về Quốc lộ 61C"));
        await _kit.UpsertAsync(News(id, "Tin đã duyệt về Quốc lộ 61C"));
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
        using var author = await AuthorAsync();
        await AuthorDraftAsync(author, News(id, "Bản đầu của tác giả về kênh Xà No"));
        await _kit.UpsertAsync(News(id, "Tin đã duyệt về kênh Xà No"));
        var scheduled = new JsonObject
        {
            ["ContentItemId"] = id,
            ["TitlePart"] = new JsonObject { ["Title"] = "Bản biên tập viên hẹn giờ Xà No" },
            ["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = DateTime.UtcNow.AddMinutes(30).ToString("O") },
        };
        await _kit.UpsertAsync(scheduled, draft: true);
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
        using var author = await AuthorAsync();
        var created = News("hg-tin-chu-so-huu", "Tin về chủ sở hữu");
        created["Owner"] = "gia-mao";
        created["Author"] = "gia-mao";
        var saved = await AuthorDraftAsync(author, created);
        Assert.Equal((ApiTestKit.AuthorClient, ApiTestKit.AuthorClient), (saved["Owner"]!.GetValue<string>(), saved["Author"]!.GetValue<string>()));

        var edit = new JsonObject { ["ContentItemId"] = "hg-tin-chu-so-huu", ["Owner"] = "gia-mao", ["Author"] = "gia-mao" };
        var edited = await _kit.UpsertAsync(edit, draft: true);
        Assert.Equal((ApiTestKit.AuthorClient, "portals-cli"), (edited["Owner"]!.GetValue<string>(), edited["Author"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Upsert_AuthorEditsAnotherCallersItem_403AndItemUnchanged()
    {
        const string id = "hg-tin-cua-nguoi-khac";
        await _kit.UpsertAsync(News(id, "Tin của biên tập viên"), draft: true);
        using var author = await AuthorAsync();

        using var response = await author.PostAsync("haugiang/api/content?draft=true",
            ApiTestKit.Json(new JsonObject { ["ContentItemId"] = id, ["TitlePart"] = new JsonObject { ["Title"] = "Tác giả sửa tin người khác" } }));

        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("EditContent", problem.ToJsonString(), StringComparison.Ordinal);
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default);
        Assert.Equal("Tin của biên tập viên", (await session.GetAsync(id, VersionOptions.Latest, default))!.DisplayText);
    }

    private static async Task<JsonObject> AuthorDraftAsync(HttpClient author, JsonObject item)
    {
        using var response = await author.PostAsync("haugiang/api/content?draft=true", ApiTestKit.Json(item));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
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
