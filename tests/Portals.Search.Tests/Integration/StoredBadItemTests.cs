using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Testing;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>
/// Issue 7, defect 2, as reported: a published NewsArticle whose sector holds one 40,000-character id, with the real
/// Lucene index. The API now refuses such an id, so the item is written straight into the tenant database, as data
/// stored before that validation existed would be.
/// </summary>
public sealed class StoredBadItemTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task PublishedItemWithA40000CharacterSector_IsIndexedWithoutIt_AndLaterPublishesAreSearchable()
    {
        const string word = "linhvucdaitest";
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("huge-sector", $"Lĩnh vực quá dài {word}"), SaveMode.Publish, default));
        await EventuallyAsync(factory, word, r => r.Total == 1);

        await CorruptSectorAsync("haugiang", "huge-sector", new string('x', 40_000));
        await WriteAsync(factory, "haugiang", s => s.SaveAsync(NewsItem("after-huge", $"Đăng sau {word}"), SaveMode.Publish, default));

        // Indexed without the value Lucene cannot hold (its only sector), and the item published after it too.
        var response = await EventuallyAsync(factory, word, r => r.Total == 2 && r.Items.All(i => i.ContentItemId != "huge-sector" || i.Sector.Count == 0));
        Assert.Equal(["haugiang/after-huge", "haugiang/huge-sector"], Ids(response));
        Assert.Empty(response.Items.Single(i => i.ContentItemId == "huge-sector").Sector);

        await WriteAsync(factory, "haugiang", s => s.UnpublishAsync("huge-sector", default));
        Assert.Equal(["haugiang/after-huge"], Ids(await EventuallyAsync(factory, word, r => r.Total == 1)));
        Assert.Empty((await factory.Service<ISearchIndex>().GetStatusAsync("haugiang", default)).SetAside);
    }

    /// <summary>Replaces the published version's sector terms and logs the change, bypassing every validation.</summary>
    private async Task CorruptSectorAsync(string tenant, string id, string term)
    {
        // Another process's connection, on whichever provider the tests run; inside the tenant's write lock like any writer.
        await using var db = TestDatabases.Open(factory.DataPath, tenant);
        await using var transaction = await db.BeginWriteAsync(default);
        var item = JsonNode.Parse(await db.ContentItems.Where(r => r.ContentItemId == id && r.Published).Select(r => r.Json).SingleAsync())!;
        item["NewsArticle"]!["Sector"]!["TermContentItemIds"] = new JsonArray(term);
        var json = item.ToJsonString();
        Assert.Equal(1, await db.ContentItems.Where(r => r.ContentItemId == id && r.Published).ExecuteUpdateAsync(s => s.SetProperty(r => r.Json, json)));
        db.ChangeLog.Add(new ChangeLogRecord { ContentItemId = id, ContentType = "NewsArticle", Kind = ChangeKinds.Published, CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
