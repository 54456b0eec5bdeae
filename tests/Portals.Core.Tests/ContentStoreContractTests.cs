using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Tests;

/// <summary>What every content store implementation must do. Subclasses supply the store and two tenants.</summary>
public abstract class ContentStoreContractTests : IAsyncLifetime
{
    protected IContentStore Store { get; set; } = null!;
    protected TenantContext TenantA { get; set; } = null!;
    protected TenantContext TenantB { get; set; } = null!;

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static ContentItem Offer(string id, string title, string location = "Vị Thanh") => new(new JsonObject
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Offer",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["AutoroutePart"] = new JsonObject { ["Path"] = "" },
        ["Offer"] = new JsonObject
        {
            ["Location"] = new JsonObject { ["Text"] = location },
            ["Sector"] = new JsonObject { ["TaxonomyContentItemId"] = "sector-taxonomy", ["TermContentItemIds"] = new JsonArray("sector-giao-thong") },
        },
    });

    private async Task<T> InSession<T>(TenantContext tenant, Func<IContentSession, Task<T>> work)
    {
        await using var session = await Store.OpenAsync(tenant, default);
        var result = await work(session);
        await session.CommitAsync(default);
        return result;
    }

    [Fact]
    public async Task SaveAsync_DraftThenPublish_OneLatestOnePublished()
    {
        await InSession(TenantA, s => s.SaveAsync(Offer("o1", "Bản một"), SaveMode.Publish, default));
        await InSession(TenantA, s => s.SaveAsync(Offer("o1", "Bản hai"), SaveMode.Draft, default));

        var published = await InSession(TenantA, s => s.GetAsync("o1", VersionOptions.Published, default));
        var latest = await InSession(TenantA, s => s.GetAsync("o1", VersionOptions.Latest, default));
        Assert.Equal("Bản một", published!.DisplayText);
        Assert.True(published.Published);
        Assert.False(published.Latest);
        Assert.Equal("Bản hai", latest!.DisplayText);
        Assert.True(latest.Latest);
        Assert.False(latest.Published);
        Assert.NotEqual(published.ContentItemVersionId, latest.ContentItemVersionId);

        await InSession(TenantA, s => s.PublishAsync("o1", default));
        published = await InSession(TenantA, s => s.GetAsync("o1", VersionOptions.Published, default));
        Assert.Equal("Bản hai", published!.DisplayText);
        Assert.True(published.Latest && published.Published);
    }

    [Fact]
    public async Task QueryAsync_DraftOnly_NotInPublishedList()
    {
        await InSession(TenantA, s => s.SaveAsync(Offer("d1", "Bản nháp bí mật"), SaveMode.Draft, default));
        var page = await InSession(TenantA, s => s.QueryAsync(new ContentQuery(ContentType: "Offer"), default));
        Assert.DoesNotContain(page.Items, json => json.Contains("\"d1\"", StringComparison.Ordinal));
        Assert.Null(await InSession(TenantA, s => s.GetJsonAsync("d1", VersionOptions.Published, default)));
    }

    [Fact]
    public async Task PublishUnpublishDelete_Changes_AppendedToChangeLogInOrder()
    {
        var before = await InSession(TenantA, s => s.ReadChangesAsync(0, 10_000, default));
        await InSession(TenantA, s => s.SaveAsync(Offer("c1", "Nhật ký"), SaveMode.Publish, default));
        await InSession(TenantA, s => s.UnpublishAsync("c1", default));
        await InSession(TenantA, s => s.PublishAsync("c1", default));
        await InSession(TenantA, s => s.DeleteAsync("c1", default));

        var changes = (await InSession(TenantA, s => s.ReadChangesAsync(before.Count == 0 ? 0 : before[^1].Id, 100, default)))
            .Where(c => c.ContentItemId == "c1").ToList();
        Assert.Equal([ChangeKinds.Published, ChangeKinds.Unpublished, ChangeKinds.Published, ChangeKinds.Deleted], changes.Select(c => c.Kind));
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.Id < p.Second.Id));
        Assert.Null(await InSession(TenantA, s => s.GetJsonAsync("c1", VersionOptions.Latest, default)));
    }

    [Fact]
    public async Task SaveAsync_DraftOnly_NotLogged()
    {
        var before = await InSession(TenantA, s => s.ReadChangesAsync(0, 10_000, default));
        await InSession(TenantA, s => s.SaveAsync(Offer("n1", "Chỉ nháp"), SaveMode.Draft, default));
        var after = await InSession(TenantA, s => s.ReadChangesAsync(0, 10_000, default));
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task SaveAsync_SameTitle_PathGetsSuffix()
    {
        var first = await InSession(TenantA, s => s.SaveAsync(Offer("p1", "Đường nối Vị Thanh – Cần Thơ"), SaveMode.Publish, default));
        var second = await InSession(TenantA, s => s.SaveAsync(Offer("p2", "Đường nối Vị Thanh – Cần Thơ"), SaveMode.Publish, default));
        var third = await InSession(TenantA, s => s.SaveAsync(Offer("p3", "Đường nối Vị Thanh - Cần Thơ!"), SaveMode.Draft, default));
        Assert.Equal("duong-noi-vi-thanh-can-tho", first.Path);
        Assert.Equal("duong-noi-vi-thanh-can-tho-2", second.Path);
        Assert.Equal("duong-noi-vi-thanh-can-tho-3", third.Path);

        var again = await InSession(TenantA, s => s.SaveAsync(Offer("p1", "Đường nối Vị Thanh – Cần Thơ"), SaveMode.Publish, default));
        Assert.Equal("duong-noi-vi-thanh-can-tho", again.Path);
        Assert.NotNull(await InSession(TenantA, s => s.GetPublishedJsonByPathAsync("/duong-noi-vi-thanh-can-tho-2", default)));
    }

    [Fact]
    public async Task SaveAsync_SamePathInOtherTenant_NoSuffixAndNoLeak()
    {
        await InSession(TenantA, s => s.SaveAsync(Offer("t1", "Kênh Xáng Xà No"), SaveMode.Publish, default));
        var other = await InSession(TenantB, s => s.SaveAsync(Offer("t2", "Kênh Xáng Xà No"), SaveMode.Publish, default));
        Assert.Equal("kenh-xang-xa-no", other.Path);
        Assert.Null(await InSession(TenantB, s => s.GetJsonAsync("t1", VersionOptions.Latest, default)));
        Assert.Null(await InSession(TenantA, s => s.GetJsonAsync("t2", VersionOptions.Latest, default)));
    }

    [Fact]
    public async Task SaveAsync_Invalid_ThrowsAndStoresNothing()
    {
        var bad = Offer("v1", "Thiếu địa điểm", location: "");
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => InSession(TenantA, s => s.SaveAsync(bad, SaveMode.Publish, default)));
        Assert.Contains(ex.Errors, e => e.Key == "Offer.Location");
        Assert.Null(await InSession(TenantA, s => s.GetJsonAsync("v1", VersionOptions.Latest, default)));
    }

    [Fact]
    public async Task QueryAsync_SectorAndFoldedText_Filters()
    {
        await InSession(TenantA, s => s.SaveAsync(Offer("q1", "Cảng Cái Cui"), SaveMode.Publish, default));
        var bySector = await InSession(TenantA, s => s.QueryAsync(new ContentQuery(TermContentItemId: "sector-giao-thong", Text: "cang cai", PageSize: 100), default));
        Assert.Contains(bySector.Items, j => j.Contains("\"q1\"", StringComparison.Ordinal));
        var wrongSector = await InSession(TenantA, s => s.QueryAsync(new ContentQuery(TermContentItemId: "sector-y-te"), default));
        Assert.DoesNotContain(wrongSector.Items, j => j.Contains("\"q1\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Session_DisposedWithoutCommit_RollsBack()
    {
        await using (var session = await Store.OpenAsync(TenantA, default))
        {
            await session.SaveAsync(Offer("r1", "Không lưu"), SaveMode.Publish, default);
        }
        Assert.Null(await InSession(TenantA, s => s.GetJsonAsync("r1", VersionOptions.Latest, default)));
    }

    [Fact]
    public async Task PublishDueAsync_ScheduledDraft_PublishedWhenDue()
    {
        var item = Offer("s1", "Hẹn giờ");
        item.Data["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = DateTime.UtcNow.AddMinutes(5).ToString("O") };
        var saved = await InSession(TenantA, s => s.SaveAsync(item, SaveMode.Publish, default));
        Assert.False(saved.Published);
        Assert.Equal(0, await InSession(TenantA, s => s.PublishDueAsync(DateTime.UtcNow, default)));
        Assert.Equal(1, await InSession(TenantA, s => s.PublishDueAsync(DateTime.UtcNow.AddMinutes(10), default)));
        Assert.NotNull(await InSession(TenantA, s => s.GetJsonAsync("s1", VersionOptions.Published, default)));
    }
}
