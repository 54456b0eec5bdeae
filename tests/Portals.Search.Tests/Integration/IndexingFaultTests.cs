using System.Net.Http.Json;
using Portals.Core.Content;
using Portals.Web.Hosting;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>Issue 7, defect 2: one document the index refuses must never hold back the others.</summary>
public sealed class IndexingFaultTests(FaultyIndexFactory factory) : IClassFixture<FaultyIndexFactory>
{
    private ISearchIndex Index => factory.Service<ISearchIndex>();

    /// <summary>
    /// Before the fix the indexer retried the poisoned batch every 250 ms forever: the item published after it never
    /// became searchable and the item unpublished in the same batch stayed in results.
    /// </summary>
    [Fact]
    public async Task RefusedDocument_IsSetAsideCountedInHealth_OthersIndexed_RetriedOnlyWhenItChanges()
    {
        const string word = "lohongtest";
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("gone-1", $"Sẽ gỡ {word}"), SaveMode.Publish, default));
        await EventuallyAsync(factory, word, r => r.Total == 1);

        await WriteAsync(factory, "haugiang", async s =>
        {
            await s.SaveAsync(NewsItem("poison-1", $"Hỏng {FaultyIndex.Poison} {word}"), SaveMode.Publish, default);
            await s.SaveAsync(NewsItem("good-1", $"Cùng lô {word}"), SaveMode.Publish, default);
            await s.UnpublishAsync("gone-1", default);
        });
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("after-1", $"Đăng sau {word}"), SaveMode.Publish, default));

        string[] indexed = ["haugiang/after-1", "haugiang/good-1"];
        Assert.Equal(indexed, Ids(await EventuallyAsync(factory, word, r => Ids(r).SequenceEqual(indexed))));
        var setAside = Assert.Single((await Index.GetStatusAsync("haugiang", default)).SetAside);
        Assert.Equal("poison-1", setAside.ContentItemId);
        Assert.Contains("DocValuesField \"sector\" is too large", setAside.Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await NodeHealthAsync()).Search["haugiang"].SetAside);
        Assert.Equal(0, (await NodeHealthAsync()).Search["cantho"].SetAside);
        Assert.Equal(1, (await factory.CreateClient().GetFromJsonAsync<HealthEndpoints.TenantHealth>("/haugiang/health"))!.Search.SetAside);

        // Later catch-ups pass it by: its refusals stay as they were while another item is indexed.
        var refusals = factory.Faults.PoisonRefusals;
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("after-2", $"Đăng sau nữa {word}"), SaveMode.Publish, default));
        Assert.Equal(3, (await EventuallyAsync(factory, word, r => r.Total == 3)).Total);
        Assert.Equal(refusals, factory.Faults.PoisonRefusals);

        // A change to it is a new change-log entry: it is tried again, indexed, and no longer set aside.
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("poison-1", $"Đã sửa {word}"), SaveMode.Publish, default));
        string[] all = ["haugiang/after-1", "haugiang/after-2", "haugiang/good-1", "haugiang/poison-1"];
        Assert.Equal(all, Ids(await EventuallyAsync(factory, word, r => Ids(r).SequenceEqual(all))));
        Assert.Empty((await Index.GetStatusAsync("haugiang", default)).SetAside);
        Assert.Equal(0, (await NodeHealthAsync()).Search["haugiang"].SetAside);
    }

    /// <summary>A failure of the index itself (a full disk) is not the document's fault: nothing is set aside, the batch is retried.</summary>
    [Fact]
    public async Task IndexFailure_IsRetriedNotSetAside()
    {
        const string word = "dayodiatest";
        factory.Faults.DiskFull = true;
        try
        {
            await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("disk-1", $"Ổ đầy {FaultyIndex.Disk} {word}"), SaveMode.Publish, default));
            for (var deadline = DateTime.UtcNow.AddSeconds(15); factory.Faults.DiskRefusals < 2 && DateTime.UtcNow < deadline; await Task.Delay(50))
            {
            }
            Assert.True(factory.Faults.DiskRefusals >= 2, "the indexer should have retried the batch");
            Assert.Empty((await Index.GetStatusAsync("cantho", default)).SetAside);
            Assert.Equal(0, (await SearchAsync(factory, word)).Total);
        }
        finally
        {
            factory.Faults.DiskFull = false;
        }

        Assert.Equal(["cantho/disk-1"], Ids(await EventuallyAsync(factory, word, r => r.Total == 1)));
        Assert.Empty((await Index.GetStatusAsync("cantho", default)).SetAside);
    }

    private async Task<HealthEndpoints.NodeHealth> NodeHealthAsync() =>
        (await factory.CreateClient().GetFromJsonAsync<HealthEndpoints.NodeHealth>("/health"))!;
}
