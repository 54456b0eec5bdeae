using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portals.Search.Http;
using Portals.Search.Indexing;
using Portals.Search.Lucene;
using Portals.Testing;

namespace Portals.Search.Tests.Integration;

/// <summary>A server killed while it indexes a bulk publish (proved from the committed index) recovers, after restart, to exactly the published set.</summary>
public sealed class SearchCrashTests : IDisposable
{
    private const int BulkCount = 1500;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "portals-search-crash", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabases.DropAsync(_data).GetAwaiter().GetResult();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_AfterKillDuringBulkIndexing_IndexEqualsPublishedSet()
    {
        Directory.CreateDirectory(_data);
        var recipe = Path.Combine(_data, "bulk.recipe.json");
        await File.WriteAllTextAsync(recipe, BulkRecipe());

        var port = PortalsProcess.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        // Debug logging of the index prints one line per committed batch: the event the kill waits for.
        using (var server = PortalsProcess.Start(_data, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Portals.Search.Lucene=Debug"))
        {
            Assert.True(await HealthyAsync(http), server.Output);
            using (var import = PortalsProcess.Start(_data, "recipe", "apply", recipe, "--tenant", "haugiang"))
            {
                Assert.True(await import.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, import.Output);
            }
            // Kill as soon as the first batch of the import is committed, while the rest is still to be indexed: the
            // tenant was idle through the import, so the live indexer's first batch is the small one.
            Assert.True(await server.WaitForOutputAsync($"Search batch for haugiang: {SearchIndexer.FirstLiveBatchSize} upserts", TimeSpan.FromMinutes(3)), server.Output);
            server.Kill();
        }

        // The kill landed mid-indexing: the committed index holds part of the import, and its cursor is short of the log.
        var expected = PublishedSearchableIds();
        Assert.Equal(BulkCount + 4, expected.Count);
        using (var index = new LuceneSearchIndex(new LuceneSearchIndexOptions(Path.Combine(_data, "Search"))))
        {
            var committed = await index.GetStatusAsync("haugiang", default);
            Assert.InRange(committed.Documents, expected.Count - BulkCount + SearchIndexer.FirstLiveBatchSize, expected.Count - 1);
            Assert.InRange(committed.Cursor, 1, LastChangeId() - 1);
        }

        using var restarted = PortalsProcess.Start(_data, "--urls", $"http://127.0.0.1:{port}");
        Assert.True(await HealthyAsync(http), restarted.Output);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && await TotalAsync(http) != expected.Count; await Task.Delay(100))
        {
        }
        Assert.Equal(expected, await IndexedIdsAsync(http));
    }

    private static Task<bool> HealthyAsync(HttpClient http) =>
        PortalsProcess.WaitHealthyAsync(http, TimeSpan.FromMinutes(3), "haugiang", "cantho");

    private static async Task<long> TotalAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<SearchResponse>("/api/search?tenant=haugiang&pageSize=1"))!.Total;

    private static async Task<SortedSet<string>> IndexedIdsAsync(HttpClient http)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var response = (await http.GetFromJsonAsync<SearchResponse>($"/api/search?tenant=haugiang&pageSize=50&page={page}"))!;
            ids.UnionWith(response.Items.Select(i => i.ContentItemId));
            if (response.Items.Count < 50)
            {
                return ids;
            }
        }
    }

    private long LastChangeId()
    {
        using var db = TestDatabases.Open(_data, "haugiang");
        return db.ChangeLog.Max(c => c.Id);
    }

    private SortedSet<string> PublishedSearchableIds()
    {
        using var db = TestDatabases.Open(_data, "haugiang");
        return new SortedSet<string>(db.ContentItems.Where(r => r.Published && r.ContentType != "Taxonomy").Select(r => r.ContentItemId), StringComparer.Ordinal);
    }

    private static string BulkRecipe()
    {
        var items = new JsonArray();
        for (var i = 0; i < BulkCount; i++)
        {
            items.Add(new JsonObject
            {
                ["ContentItemId"] = $"bulk-{i:D5}",
                ["ContentType"] = "NewsArticle",
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = $"Tin xúc tiến đầu tư số {i}" },
                ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>" + string.Concat(Enumerable.Repeat("Hợp tác phát triển vùng đồng bằng sông Cửu Long. ", 30)) + "</p>" },
                ["NewsArticle"] = new JsonObject { ["Summary"] = new JsonObject { ["Text"] = "Tóm tắt" } },
            });
        }
        return new JsonObject { ["name"] = "bulk", ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["data"] = items }) }.ToJsonString();
    }
}
