using Portals.Core.Content;
using Portals.Core.Data;

namespace Portals.Core.Tests.Contracts;

/// <summary>What every implementation of <see cref="IContentChangeLog"/> must do.</summary>
public abstract class ContentChangeLogContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    [Fact]
    public async Task ReadChangesAsync_PublishUnpublishPublishDelete_AppendedInOrder()
    {
        var last = await InSession(s => s.GetLastChangeIdAsync(default));
        await SaveAsync(Offer("c1", "Nhật ký"), SaveMode.Publish);
        await InSession(s => s.UnpublishAsync("c1", default));
        await InSession(s => s.PublishAsync("c1", default));
        await InSession(s => s.DeleteAsync("c1", default));

        var changes = await InSession(s => s.ReadChangesAsync(last, 100, default));
        Assert.Equal([ChangeKinds.Published, ChangeKinds.Unpublished, ChangeKinds.Published, ChangeKinds.Deleted], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal(("c1", "Offer"), (c.ContentItemId, c.ContentType)));
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.Id < p.Second.Id));
        Assert.Equal(changes[^1].Id, await InSession(s => s.GetLastChangeIdAsync(default)));
    }

    [Fact]
    public async Task ReadChangesAsync_DraftOnly_NotLogged()
    {
        var last = await InSession(s => s.GetLastChangeIdAsync(default));
        await SaveAsync(Offer("c2", "Chỉ nháp"), SaveMode.Draft);
        Assert.Empty(await InSession(s => s.ReadChangesAsync(last, 100, default)));
        Assert.Equal(last, await InSession(s => s.GetLastChangeIdAsync(default)));
    }

    [Fact]
    public async Task ReadChangesAsync_AfterIdAndMax_PagesWithoutGapsOrOverlap()
    {
        var last = await InSession(s => s.GetLastChangeIdAsync(default));
        foreach (var id in new[] { "c3", "c4", "c5" })
        {
            await SaveAsync(Offer(id, "Trang " + id), SaveMode.Publish);
        }
        var first = await InSession(s => s.ReadChangesAsync(last, 2, default));
        var rest = await InSession(s => s.ReadChangesAsync(first[^1].Id, 2, default));
        Assert.Equal(["c3", "c4", "c5"], first.Concat(rest).Select(c => c.ContentItemId));
    }

    [Fact]
    public async Task ReadChangesAsync_OtherTenant_NotSeen()
    {
        var last = await InSession(s => s.GetLastChangeIdAsync(default));
        await InSession(TenantB, s => s.SaveAsync(Offer("c6", "Cổng khác"), SaveMode.Publish, default));
        Assert.Empty(await InSession(s => s.ReadChangesAsync(last, 100, default)));
    }
}

/// <summary>What every implementation of <see cref="IPublishingScheduler"/> must do.</summary>
public abstract class PublishingSchedulerContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    [Fact]
    public async Task PublishDueAsync_ScheduledDraft_PublishedOnlyWhenDue()
    {
        var now = DateTime.UtcNow;
        var saved = await SaveAsync(Scheduled(Offer("s1", "Hẹn giờ"), now.AddMinutes(5)), SaveMode.Publish);
        Assert.False(saved.Published);
        var last = await InSession(s => s.GetLastChangeIdAsync(default));

        Assert.Equal(0, await InSession(s => s.PublishDueAsync(now, default)));
        Assert.Equal(1, await InSession(s => s.PublishDueAsync(now.AddMinutes(10), default)));
        Assert.Equal("Hẹn giờ", ContentItem.Parse((await PublishedJsonAsync("s1"))!).DisplayText);
        Assert.Equal(ChangeKinds.Published, Assert.Single(await InSession(s => s.ReadChangesAsync(last, 10, default))).Kind);
        Assert.Equal(0, await InSession(s => s.PublishDueAsync(now.AddMinutes(20), default)));
    }

    [Fact]
    public async Task PublishDueAsync_PublishedVersion_LosesTheConsumedSchedule()
    {
        var now = DateTime.UtcNow;
        await SaveAsync(Scheduled(Offer("s3", "Hẹn giờ tiêu thụ"), now.AddMinutes(5)), SaveMode.Publish);
        Assert.Equal(1, await InSession(s => s.PublishDueAsync(now.AddMinutes(10), default)));
        // Left in the JSON, the past schedule would ride along into every later draft of the item.
        Assert.Null(ContentItem.Parse((await PublishedJsonAsync("s3"))!).Part("PublishLaterPart")?["ScheduledPublishUtc"]);
    }

    [Fact]
    public async Task SaveAsync_PostedScheduleAlreadyDue_PublishesNowAndDropsIt()
    {
        var saved = await SaveAsync(Scheduled(Offer("s4", "Hẹn giờ đã đến"), DateTime.UtcNow.AddSeconds(-5)), new SaveRequest(SaveMode.Draft, MayPublish: true));
        Assert.True(saved.Published);
        Assert.Null(saved.Part("PublishLaterPart")?["ScheduledPublishUtc"]);
        Assert.NotNull(await PublishedJsonAsync("s4"));
    }

    [Fact]
    public async Task PublishDueAsync_ScheduleReplacedByLaterDraft_NotPublished()
    {
        var now = DateTime.UtcNow;
        await SaveAsync(Scheduled(Offer("s2", "Hẹn giờ"), now.AddMinutes(5)), SaveMode.Publish);
        await SaveAsync(Offer("s2", "Nháp không hẹn giờ"), SaveMode.Draft);
        Assert.Equal(0, await InSession(s => s.PublishDueAsync(now.AddMinutes(10), default)));
        Assert.Null(await PublishedJsonAsync("s2"));
    }
}

public sealed class SqliteContentChangeLogTests : ContentChangeLogContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlContentChangeLogTests : ContentChangeLogContract<PostgreSqlHarness>;

public sealed class SqlitePublishingSchedulerTests : PublishingSchedulerContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlPublishingSchedulerTests : PublishingSchedulerContract<PostgreSqlHarness>;
