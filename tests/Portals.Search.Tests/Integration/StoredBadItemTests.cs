using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Portals.Core.Content;
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
        using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataPath, "Sites", tenant, "portals.db")};Pooling=False");
        await connection.OpenAsync();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT Json FROM ContentItems WHERE ContentItemId = $id AND Published";
        read.Parameters.AddWithValue("$id", id);
        var item = JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!;
        item["NewsArticle"]!["Sector"]!["TermContentItemIds"] = new JsonArray(term);

        using var write = connection.CreateCommand();
        write.CommandText = """
            UPDATE ContentItems SET Json = $json WHERE ContentItemId = $id AND Published;
            INSERT INTO ChangeLog (ContentItemId, ContentType, Kind, CreatedUtc) VALUES ($id, 'NewsArticle', 'Published', $now);
            """;
        write.Parameters.AddWithValue("$id", id);
        write.Parameters.AddWithValue("$json", item.ToJsonString());
        write.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        Assert.Equal(2, await write.ExecuteNonQueryAsync());
    }
}
