using Portals.Core.Content;

namespace Portals.Core.Tests.Contracts;

/// <summary>What the editors' workspace reads: workflow states, owners and the version history.</summary>
public abstract class ContentWorkflowReadContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    [Fact]
    public async Task QueryAsync_Status_EachStateOfTheLatestVersion()
    {
        await SaveAsync(Offer("st-pub", "Đã xuất bản"), SaveMode.Publish);
        await SaveAsync(Offer("st-draft", "Bản nháp"), SaveMode.Draft);
        await SaveAsync(Scheduled(Offer("st-sched", "Hẹn giờ"), DateTime.UtcNow.AddDays(2)), new SaveRequest(SaveMode.Draft, MayPublish: true));
        var review = Offer("st-review", "Chờ duyệt");
        ReviewPart.Submit(review, "tacgia", DateTime.UtcNow);
        await SaveAsync(review, new SaveRequest(SaveMode.Draft, MayPublish: false) { Caller = "tacgia" });
        await SaveAsync(Offer("st-pub-draft", "Xuất bản rồi sửa"), SaveMode.Publish);
        await SaveAsync(Offer("st-pub-draft", "Xuất bản rồi sửa, bản nháp"), SaveMode.Draft);

        async Task<string[]> Ids(ContentStatus status) =>
            (await InSession(s => s.QueryAsync(new ContentQuery("Offer", Version: VersionOptions.Latest, Status: status, Sort: ContentSort.TitleAscending, PageSize: 50), default)))
            .Items.Select(j => ContentItem.Parse(j).ContentItemId).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["st-pub"], await Ids(ContentStatus.Published));
        Assert.Equal(["st-draft", "st-pub-draft"], await Ids(ContentStatus.Draft));
        Assert.Equal(["st-sched"], await Ids(ContentStatus.Scheduled));
        Assert.Equal(["st-review"], await Ids(ContentStatus.InReview));
        Assert.Equal(5, (await Ids(ContentStatus.Any)).Length);
    }

    [Fact]
    public async Task PublishAsync_DraftInReview_ReviewEndsAndPublishedJsonHasNoRequest()
    {
        var review = Offer("rv1", "Gửi duyệt rồi xuất bản");
        ReviewPart.Submit(review, "tacgia", DateTime.UtcNow);
        await SaveAsync(review, new SaveRequest(SaveMode.Draft, MayPublish: false) { Caller = "tacgia" });
        Assert.NotNull(ReviewPart.SubmittedUtc((await InSession(s => s.GetAsync("rv1", VersionOptions.Latest, default)))!));

        await InSession(s => s.PublishAsync("rv1", default));

        var published = await InSession(s => s.GetAsync("rv1", VersionOptions.Published, default));
        Assert.Null(published!.Part(ReviewPart.Name));
        Assert.Equal(0, (await InSession(s => s.QueryAsync(new ContentQuery(Version: VersionOptions.Latest, Status: ContentStatus.InReview), default))).Total);
    }

    [Fact]
    public async Task SaveAsync_PublishOrScheduleWithReviewRequest_RequestEnds()
    {
        var published = Offer("rv2", "Xuất bản thẳng");
        ReviewPart.Submit(published, "tacgia", DateTime.UtcNow);
        var scheduled = Scheduled(Offer("rv3", "Hẹn giờ sau khi duyệt"), DateTime.UtcNow.AddDays(1));
        ReviewPart.Submit(scheduled, "tacgia", DateTime.UtcNow);

        Assert.Null((await SaveAsync(published, SaveMode.Publish)).Part(ReviewPart.Name));
        Assert.Null((await SaveAsync(scheduled, new SaveRequest(SaveMode.Draft, MayPublish: true))).Part(ReviewPart.Name));
    }

    [Fact]
    public async Task QueryAsync_Owner_OnlyItemsTheCallerCreated()
    {
        await SaveAsync(Offer("ow1", "Của An"), new SaveRequest(SaveMode.Draft, MayPublish: false) { Caller = "an" });
        await SaveAsync(Offer("ow2", "Của Bình"), new SaveRequest(SaveMode.Draft, MayPublish: false) { Caller = "binh" });
        await SaveAsync(Offer("ow1", "Của An, Bình sửa"), new SaveRequest(SaveMode.Draft, MayPublish: false) { Caller = "binh" });

        var an = await InSession(s => s.QueryAsync(new ContentQuery(Version: VersionOptions.Latest, Owner: "an"), default));
        Assert.Equal(["ow1"], an.Items.Select(j => ContentItem.Parse(j).ContentItemId));
        Assert.Equal(0, (await InSession(s => s.QueryAsync(new ContentQuery(Version: VersionOptions.Latest, Owner: "chi"), default))).Total);
    }

    [Fact]
    public async Task ListVersionsAsync_ThreeSaves_NewestFirstWithStates()
    {
        await SaveAsync(Offer("h1", "Bản một"), new SaveRequest(SaveMode.Publish, MayPublish: true) { Caller = "an" });
        await SaveAsync(Offer("h1", "Bản hai"), new SaveRequest(SaveMode.Draft, MayPublish: true) { Caller = "binh" });
        await SaveAsync(Offer("h1", "Bản ba"), new SaveRequest(SaveMode.Draft, MayPublish: true) { Caller = "chi" });

        var versions = await InSession(s => s.ListVersionsAsync("h1", default));

        Assert.Equal(["Bản ba", "Bản hai", "Bản một"], versions.Select(v => v.DisplayText));
        Assert.Equal(["chi", "binh", "an"], versions.Select(v => v.Author));
        Assert.Equal([true, false, false], versions.Select(v => v.Latest));
        Assert.Equal([false, false, true], versions.Select(v => v.Published));
        Assert.Equal(3, versions.Select(v => v.ContentItemVersionId).Distinct().Count());
        Assert.Empty(await InSession(s => s.ListVersionsAsync("khong-co", default)));
        Assert.Empty(await InSession(TenantB, s => s.ListVersionsAsync("h1", default)));
    }

    [Fact]
    public async Task GetVersionAsync_OlderVersion_ItsOwnContentAndOnlyForItsItem()
    {
        await SaveAsync(Offer("g1", "Bản cũ", location: "Vị Thanh"), SaveMode.Draft);
        await SaveAsync(Offer("g1", "Bản mới", location: "Ngã Bảy"), SaveMode.Draft);
        await SaveAsync(Offer("g2", "Mục khác"), SaveMode.Draft);
        var oldest = (await InSession(s => s.ListVersionsAsync("g1", default)))[^1];

        var version = await InSession(s => s.GetVersionAsync("g1", oldest.ContentItemVersionId, default));

        Assert.Equal("Bản cũ", version!.DisplayText);
        Assert.Equal("Vị Thanh", Part(version)["Location"]!["Text"]!.GetValue<string>());
        Assert.False(version.Latest);
        Assert.Null(await InSession(s => s.GetVersionAsync("g2", oldest.ContentItemVersionId, default)));
        Assert.Null(await InSession(TenantB, s => s.GetVersionAsync("g1", oldest.ContentItemVersionId, default)));
    }
}

public sealed class SqliteContentWorkflowReadTests : ContentWorkflowReadContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlContentWorkflowReadTests : ContentWorkflowReadContract<PostgreSqlHarness>;
