using System.Net;
using System.Net.Http.Json;
using Portals.Core.Content;
using Portals.Search.Http;
using Portals.Search.Indexing;
using Portals.Testing;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>Issue 7, defect 2: a rebuild never empties a tenant, and never stalls the other tenant's indexing.</summary>
public sealed class SearchRebuildTests(FaultyIndexFactory factory) : IClassFixture<FaultyIndexFactory>
{
    private ISearchIndex Index => factory.Service<ISearchIndex>();

    /// <summary>
    /// Before the fix a rebuild reset the tenant first, so searches saw 0 documents while it ran, and a refused document
    /// ended it in error with the tenant left at 0.
    /// </summary>
    [Fact]
    public async Task Rebuild_WithARefusedDocument_CompletesAndNeverHoldsFewerDocuments()
    {
        const string word = "xaylaitest";
        await WriteAsync(factory, "cantho", async s =>
        {
            await s.SaveAsync(NewsItem("rb-poison", $"Hỏng {FaultyIndex.Poison} {word}"), SaveMode.Publish, default);
            await s.SaveAsync(NewsItem("rb-good", $"Tốt {word}"), SaveMode.Publish, default);
        });
        await EventuallyAsync(factory, word, r => r.Total == 1);
        var before = await Index.GetStatusAsync("cantho", default);
        Assert.True(before.Documents >= 5, $"seeded documents: {before.Documents}");

        var seen = new List<long>();
        await factory.Service<SearchIndexer>().RebuildAsync(factory.Tenant("cantho"),
            new InlineProgress(_ => seen.Add(Index.GetStatusAsync("cantho", default).GetAwaiter().GetResult().Documents)), default);

        Assert.True(seen.Count >= 2, "progress is reported at the start and after each batch");
        Assert.All(seen, count => Assert.Equal(before.Documents, count));
        var after = await Index.GetStatusAsync("cantho", default);
        Assert.Equal(before.Documents, after.Documents);
        Assert.Equal(["rb-poison"], after.SetAside.Select(s => s.ContentItemId));
        Assert.Equal(["cantho/rb-good"], Ids(await SearchAsync(factory, word)));

        using var admin = await new ApiTestKit(factory).ClientAsAsync(Caller.OwnTenant, "cantho");
        using var start = await admin.PostAsync("cantho/api/search/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var status = await RebuildFinishedAsync(admin, "cantho");
        Assert.Equal(RebuildState.Completed, status.State);
        Assert.Equal(before.Documents, (await Index.GetStatusAsync("cantho", default)).Documents);
    }

    [Fact]
    public async Task Rebuild_DocumentNoLongerPublished_IsRemoved()
    {
        var before = await Index.GetStatusAsync("haugiang", default);
        var ghost = new SearchDocument("haugiang", "ghost-1", "NewsArticle", "Bóng ma", null, "", "/haugiang/ghost", null, []);
        await Index.ApplyAsync(new SearchBatch("haugiang", before.Cursor) { Upserts = [ghost] }, default);
        Assert.Contains("ghost-1", await Index.ListIdsAsync("haugiang", default));

        await factory.Service<SearchIndexer>().RebuildAsync(factory.Tenant("haugiang"), null, default);

        Assert.DoesNotContain("ghost-1", await Index.ListIdsAsync("haugiang", default));
        Assert.Equal(before.Documents, (await Index.GetStatusAsync("haugiang", default)).Documents);
    }

    /// <summary>Before the fix the poll loop waited on the rebuilding tenant's lock, so the other tenant's publishes stayed unsearchable.</summary>
    [Fact]
    public async Task Rebuild_OfOneTenant_DoesNotStallIndexingOfTheOther()
    {
        const string word = "khongchotest";
        using var rebuilding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var rebuild = Task.Run(() => factory.Service<SearchIndexer>().RebuildAsync(factory.Tenant("haugiang"), new InlineProgress(_ =>
        {
            rebuilding.Set();
            release.Wait(TimeSpan.FromMinutes(1));
        }), default));
        try
        {
            Assert.True(rebuilding.Wait(TimeSpan.FromSeconds(30)), "the rebuild should have started");
            await WriteAsync(factory, "cantho", s => s.SaveAsync(NewsItem("while-rb", $"Trong lúc xây lại {word}"), SaveMode.Publish, default));

            Assert.Equal(["cantho/while-rb"], Ids(await EventuallyAsync(factory, word, r => r.Total == 1)));
            Assert.False(rebuild.IsCompleted, "the other tenant was indexed while the rebuild was still running");
        }
        finally
        {
            release.Set();
        }
        await rebuild;
    }

    private static async Task<RebuildStatus> RebuildFinishedAsync(HttpClient client, string tenant)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            var status = (await client.GetFromJsonAsync<RebuildStatus>($"{tenant}/api/search/rebuild"))!;
            if (status.State != RebuildState.Running || DateTime.UtcNow > deadline)
            {
                return status;
            }
        }
    }

    /// <summary>Reports on the rebuild's own thread, at the moment it happens.</summary>
    private sealed class InlineProgress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }
}
