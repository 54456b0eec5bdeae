using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Core.Tests.Contracts;

/// <summary>What every implementation of <see cref="IContentWriter"/> must do: versions, paths, rights and metadata.</summary>
public abstract partial class ContentWriterContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    [Fact]
    public async Task SaveAsync_DraftThenPublish_OneLatestOnePublished()
    {
        var first = await SaveAsync(Offer("o1", "Bản một"), SaveMode.Publish);
        var second = await SaveAsync(Offer("o1", "Bản hai"), SaveMode.Draft);
        Assert.NotEqual(first.ContentItemVersionId, second.ContentItemVersionId);
        Assert.Equal("Bản một", ContentItem.Parse((await PublishedJsonAsync("o1"))!).DisplayText);

        var published = await InSession(s => s.PublishAsync("o1", null, default));
        Assert.Equal("Bản hai", published!.DisplayText);
        Assert.True(published.Latest && published.Published);
        Assert.Equal(await LatestJsonAsync("o1"), await PublishedJsonAsync("o1"));
    }

    [Fact]
    public async Task SaveAsync_SameTitle_PathGetsSuffix()
    {
        var first = await SaveAsync(Offer("p1", "Đường nối Vị Thanh – Cần Thơ"), SaveMode.Publish);
        var second = await SaveAsync(Offer("p2", "Đường nối Vị Thanh – Cần Thơ"), SaveMode.Publish);
        var third = await SaveAsync(Offer("p3", "Đường nối Vị Thanh - Cần Thơ!"), SaveMode.Draft);
        Assert.Equal("duong-noi-vi-thanh-can-tho", first.Path);
        Assert.Equal("duong-noi-vi-thanh-can-tho-2", second.Path);
        Assert.Equal("duong-noi-vi-thanh-can-tho-3", third.Path);
        var again = await SaveAsync(Offer("p1", "Đường nối Vị Thanh – Cần Thơ"), SaveMode.Publish);
        Assert.Equal("duong-noi-vi-thanh-can-tho", again.Path);
    }

    [Fact]
    public async Task SaveAsync_SamePathInOtherTenant_NoSuffixAndNoLeak()
    {
        await SaveAsync(Offer("t1", "Kênh Xáng Xà No"), SaveMode.Publish);
        var other = await InSession(TenantB, s => s.SaveAsync(Offer("t2", "Kênh Xáng Xà No"), SaveMode.Publish, default));
        Assert.Equal("kenh-xang-xa-no", other.Path);
        Assert.Null(await InSession(TenantB, s => s.GetJsonAsync("t1", VersionOptions.Latest, default)));
        Assert.Null(await LatestJsonAsync("t2"));
    }

    [Fact]
    public async Task SaveAsync_Invalid_ThrowsAndStoresNothing()
    {
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => SaveAsync(Offer("v1", "Thiếu địa điểm", location: ""), SaveMode.Publish));
        Assert.Contains(ex.Errors, e => e.Key == "Offer.Location");
        Assert.Null(await LatestJsonAsync("v1"));
    }

    [Fact]
    public async Task SaveAsync_WithoutPublishRight_PublishRefused()
    {
        var ex = await Assert.ThrowsAsync<ContentPermissionException>(() => SaveAsync(Offer("r1", "Tự xuất bản"), new SaveRequest(SaveMode.Publish, MayPublish: false)));
        Assert.Equal("PublishContent", ex.Permission);
        Assert.Null(await LatestJsonAsync("r1"));
    }

    [Fact]
    public async Task SaveAsync_WithoutPublishRight_PostedScheduleRefused()
    {
        var item = Scheduled(Offer("r2", "Hẹn giờ lén"), DateTime.UtcNow.AddMinutes(5));
        await Assert.ThrowsAsync<ContentPermissionException>(() => SaveAsync(item, new SaveRequest(SaveMode.Draft, MayPublish: false)));
        Assert.Null(await LatestJsonAsync("r2"));
    }

    [Fact]
    public async Task SaveAsync_WithoutPublishRight_InheritedScheduleDropped()
    {
        await SaveAsync(Offer("r3", "Bản công khai"), SaveMode.Publish);
        await SaveAsync(Scheduled(Offer("r3", "Bản biên tập viên hẹn giờ"), DateTime.UtcNow.AddMinutes(5)), new SaveRequest(SaveMode.Draft, MayPublish: true));
        // The author's edit is merged into the scheduled draft, so it carries the same schedule.
        var edit = ContentItem.Parse((await LatestJsonAsync("r3"))!);
        edit.Title = "Bản của tác giả";
        var saved = await SaveAsync(edit, new SaveRequest(SaveMode.Draft, MayPublish: false));

        Assert.Null(saved.Part("PublishLaterPart")?["ScheduledPublishUtc"]);
        Assert.Equal(0, await InSession(s => s.PublishDueAsync(DateTime.UtcNow.AddHours(1), default)));
        Assert.Equal("Bản công khai", ContentItem.Parse((await PublishedJsonAsync("r3"))!).DisplayText);
    }

    [Fact]
    public async Task SaveAsync_WithPublishRight_ScheduleKeptAndNotPublishedYet()
    {
        var saved = await SaveAsync(Scheduled(Offer("r4", "Hẹn giờ hợp lệ"), DateTime.UtcNow.AddMinutes(5)), new SaveRequest(SaveMode.Publish, MayPublish: true));
        Assert.False(saved.Published);
        Assert.NotNull(saved.Part("PublishLaterPart")?["ScheduledPublishUtc"]);
        Assert.Null(await PublishedJsonAsync("r4"));
    }

    [Fact]
    public async Task SaveAsync_ClientOwnerAndAuthor_ReplacedByCaller()
    {
        var item = Offer("a1", "Tác giả");
        item.Owner = "gia-mao";
        item.Author = "gia-mao";
        var created = await SaveAsync(item, new SaveRequest(SaveMode.Draft, MayPublish: false) { Caller = "bientapvien" });
        Assert.Equal(("bientapvien", "bientapvien"), (created.Owner, created.Author));

        var edit = Offer("a1", "Tác giả, sửa");
        edit.Owner = "gia-mao";
        var edited = await SaveAsync(edit, new SaveRequest(SaveMode.Publish, MayPublish: true) { Caller = "truongban" });
        Assert.Equal(("bientapvien", "truongban"), (edited.Owner, edited.Author));
    }

    [Fact]
    public async Task SaveAsync_Import_KeepsOwnerAuthorAndVersionId()
    {
        var item = Offer("a2", "Nhập từ công thức");
        item.Owner = "admin";
        item.Author = "bientapvien";
        item.ContentItemVersionId = "a2-v1";
        var saved = await SaveAsync(item, SaveRequest.Import);
        Assert.Equal(("admin", "bientapvien", "a2-v1"), (saved.Owner, saved.Author, saved.ContentItemVersionId));
    }

    [Fact]
    public async Task PublishUnpublishDelete_MissingItem_NullOrFalse()
    {
        Assert.Null(await InSession(s => s.PublishAsync("khong-co", null, default)));
        Assert.False(await InSession(s => s.UnpublishAsync("khong-co", null, default)));
        Assert.False(await InSession(s => s.DeleteAsync("khong-co", null, default)));
    }

    [Fact]
    public async Task UnpublishThenDelete_Published_WithdrawnThenGone()
    {
        await SaveAsync(Offer("u1", "Gỡ rồi xoá"), SaveMode.Publish);
        Assert.True(await InSession(s => s.UnpublishAsync("u1", null, default)));
        Assert.Null(await PublishedJsonAsync("u1"));
        Assert.False(ContentItem.Parse((await LatestJsonAsync("u1"))!).Published);
        Assert.True(await InSession(s => s.DeleteAsync("u1", null, default)));
        Assert.Null(await LatestJsonAsync("u1"));
    }

    [Fact]
    public async Task CommitAsync_OtherProcess_SeesWritesOnlyAfterCommit()
    {
        var other = Harness.OpenIndependentStore();
        await using var session = await Store.OpenAsync(TenantA, default);
        await session.SaveAsync(Offer("b2", "Chưa cam kết"), SaveMode.Publish, default);
        await using (var reader = await other.OpenAsync(TenantA, default))
        {
            Assert.Null(await reader.GetJsonAsync("b2", VersionOptions.Published, default));
        }
        await session.CommitAsync(default);
        await using (var reader = await other.OpenAsync(TenantA, default))
        {
            Assert.NotNull(await reader.GetJsonAsync("b2", VersionOptions.Published, default));
        }
    }

    [Fact]
    public async Task Session_DisposedWithoutCommit_RollsBack()
    {
        await using (var session = await Store.OpenAsync(TenantA, default))
        {
            Assert.Equal(TenantA, session.Tenant);
            await session.SaveAsync(Offer("b1", "Không lưu"), SaveMode.Publish, default);
            Assert.NotNull(await session.GetJsonAsync("b1", VersionOptions.Published, default));
        }
        Assert.Null(await LatestJsonAsync("b1"));
    }
}

public sealed class SqliteContentWriterTests : ContentWriterContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlContentWriterTests : ContentWriterContract<PostgreSqlHarness>;
