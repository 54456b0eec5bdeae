using Portals.Core.Content;

namespace Portals.Core.Tests.Contracts;

/// <summary>Expected versions checked inside the write transaction, and imports that keep both versions of an item.</summary>
public abstract partial class ContentWriterContract<THarness>
{
    [Fact]
    public async Task SaveAsync_StaleExpectedFromOtherProcess_ConflictAndOtherWriteKept()
    {
        await SaveAsync(Offer("e1", "Gốc"), SaveMode.Publish);
        var other = Harness.OpenIndependentStore();
        var readByBoth = await LatestJsonAsync("e1");

        await using (var first = await other.OpenAsync(TenantA, default))
        {
            await first.SaveAsync(Offer("e1", "Tiến trình khác"), new SaveRequest(SaveMode.Publish, true) { Expected = new ExpectedVersion(readByBoth) }, default);
            await first.CommitAsync(default);
        }
        await Assert.ThrowsAsync<ContentConflictException>(() =>
            SaveAsync(Offer("e1", "Ghi đè"), new SaveRequest(SaveMode.Publish, true) { Expected = new ExpectedVersion(readByBoth) }));
        Assert.Equal("Tiến trình khác", ContentItem.Parse((await LatestJsonAsync("e1"))!).DisplayText);
    }

    [Fact]
    public async Task SaveAsync_ExpectedNoItemButCreatedMeanwhile_Conflict()
    {
        await using (var other = await Harness.OpenIndependentStore().OpenAsync(TenantA, default))
        {
            await other.SaveAsync(Offer("e2", "Tạo trước"), SaveMode.Draft, default);
            await other.CommitAsync(default);
        }
        await Assert.ThrowsAsync<ContentConflictException>(() =>
            SaveAsync(Offer("e2", "Tạo sau"), new SaveRequest(SaveMode.Draft, false) { Expected = ExpectedVersion.NoItem }));
    }

    [Fact]
    public async Task PublishUnpublishDelete_StaleExpected_ConflictAndNothingChanged()
    {
        await SaveAsync(Offer("e3", "Một"), SaveMode.Publish);
        var stale = new ExpectedVersion(await LatestJsonAsync("e3"));
        await SaveAsync(Offer("e3", "Hai"), SaveMode.Draft);
        var before = await LatestJsonAsync("e3");

        await Assert.ThrowsAsync<ContentConflictException>(() => InSession(s => s.PublishAsync("e3", stale, default)));
        await Assert.ThrowsAsync<ContentConflictException>(() => InSession(s => s.UnpublishAsync("e3", stale, default)));
        await Assert.ThrowsAsync<ContentConflictException>(() => InSession(s => s.DeleteAsync("e3", stale, default)));
        Assert.Equal(before, await LatestJsonAsync("e3"));
        Assert.True(await InSession(async s => await s.PublishAsync("e3", new ExpectedVersion(before), default) is not null));
    }

    /// <summary>
    /// Writers in two "processes" each read the latest version and append their mark to it. A check made outside
    /// the write transaction lets two writers pass on the same base and one mark is lost; inside it, a writer on a
    /// stale base gets a conflict, reads again and retries, so every mark survives.
    /// </summary>
    [Fact]
    public async Task SaveAsync_RacingWritersInTwoProcesses_NoLostUpdate()
    {
        await SaveAsync(Offer("e4", "Đua"), SaveMode.Publish);
        var stores = new[] { Store, Harness.OpenIndependentStore() };
        var writers = Enumerable.Range(0, 6).Select(n => Task.Run(async () =>
        {
            var store = stores[n % 2];
            for (var attempt = 0; ; attempt++)
            {
                await using var session = await store.OpenAsync(TenantA, default);
                var json = await session.GetJsonAsync("e4", VersionOptions.Latest, default);
                var item = ContentItem.Parse(json!);
                item.GetOrCreatePart("HtmlBodyPart")["Html"] = item.Part("HtmlBodyPart")?["Html"]?.GetValue<string>() + $"<p>w{n}</p>";
                try
                {
                    await session.SaveAsync(item, new SaveRequest(SaveMode.Publish, true) { Expected = new ExpectedVersion(json) }, default);
                    await session.CommitAsync(default);
                    return attempt;
                }
                catch (ContentConflictException) when (attempt < 50)
                {
                    // Read again and retry, as the API does.
                }
            }
        })).ToList();
        await Task.WhenAll(writers);

        var html = ContentItem.Parse((await LatestJsonAsync("e4"))!).Part("HtmlBodyPart")!["Html"]!.GetValue<string>();
        Assert.All(Enumerable.Range(0, 6), n => Assert.Contains($"<p>w{n}</p>", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveAsync_ImportPublishedThenDraft_BothVersionsKept()
    {
        var published = Offer("m1", "Bản công khai");
        published.Published = true;
        published.ContentItemVersionId = "m1-v1";
        var draft = Offer("m1", "Bản nháp mới");
        draft.Latest = true;
        draft.ContentItemVersionId = "m1-v2";
        await SaveAsync(published, SaveRequest.Import);
        await SaveAsync(draft, SaveRequest.Import);

        Assert.Equal("m1-v1", ContentItem.Parse((await PublishedJsonAsync("m1"))!).ContentItemVersionId);
        Assert.Equal("m1-v2", ContentItem.Parse((await LatestJsonAsync("m1"))!).ContentItemVersionId);
    }

    [Fact]
    public async Task SaveAsync_ImportSameContentAgain_NoNewVersionNoLog()
    {
        var item = Offer("m2", "Không đổi");
        item.Published = true;
        await SaveAsync(item.Clone(), SaveRequest.Import);
        var before = (await LatestJsonAsync("m2"), await InSession(s => s.GetLastChangeIdAsync(default)));
        await SaveAsync(item.Clone(), SaveRequest.Import);
        Assert.Equal(before, (await LatestJsonAsync("m2"), await InSession(s => s.GetLastChangeIdAsync(default))));
    }

    [Fact]
    public async Task SaveAsync_ImportVersionIdOfAnotherItem_GetsNewVersionId()
    {
        var first = Offer("m3", "Một");
        first.ContentItemVersionId = "trung-ma";
        var second = Offer("m4", "Hai");
        second.ContentItemVersionId = "trung-ma";
        await SaveAsync(first, SaveRequest.Import);
        var saved = await SaveAsync(second, SaveRequest.Import);
        Assert.NotEqual("trung-ma", saved.ContentItemVersionId);
    }
}
