using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>
/// Issue 10: a database made by the FIRST migration and filled as that schema stood (rows written by SQL in its
/// tables and columns: the store of today writes columns added since) is upgraded by the rest of the migrations with
/// every item, version, change-log row, user and API client intact, as the current code reads them.
/// </summary>
public sealed partial class DatabaseMigrationTests
{
    private const string Password = "Bien-tap-2021!";
    private static readonly DateTime Then = new(2021, 6, 1, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Upgrade_FromTheFirstMigrationWithContent_EveryRowIntactAfterTheRest()
    {
        var tenant = TestDatabases.NewTenant(_data, "upgrade", pooling: false);
        var database = TestDatabases.Database();
        Directory.CreateDirectory(tenant.DataFolder);
        List<string> migrations;
        await using (var db = database.Open(tenant))
        {
            migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
            Assert.Equal([migrations[0]], await db.Database.GetAppliedMigrationsAsync());
            await FillAsFirstSchemaAsync(db);
        }

        Assert.Equal(migrations.Skip(1), await database.MigrateAsync(tenant, default));

        await using (var session = await new EfContentStore(database, TimeProvider.System).OpenAsync(tenant, default))
        {
            Assert.Equal("Khu công nghiệp Sông Hậu", (await session.GetAsync("hg-nang-cap-1", VersionOptions.Published, default))!.DisplayText);
            var draft = (await session.GetAsync("hg-nang-cap-1", VersionOptions.Latest, default))!;
            Assert.Equal("Khu công nghiệp Sông Hậu – giai đoạn 2", draft.DisplayText);
            Assert.False(draft.Published);
            Assert.Equal(["v2", "v1"], (await session.ListVersionsAsync("hg-nang-cap-1", default)).Select(v => v.ContentItemVersionId));
            Assert.Equal("Dự án Quốc lộ 61C", (await session.GetAsync("hg-nang-cap-2", VersionOptions.Published, default))!.DisplayText);
            Assert.Equal(["hg-nang-cap-1", "hg-nang-cap-2"], (await session.ListPublishedIdsAsync(default)).Order(StringComparer.Ordinal));
            var changes = await session.ReadChangesAsync(0, 10, default);
            Assert.Equal([("hg-nang-cap-1", "Published"), ("hg-nang-cap-2", "Published"), ("hg-nang-cap-2", "Unpublished"), ("hg-nang-cap-2", "Published")],
                changes.Select(c => (c.ContentItemId, c.Kind)));
            Assert.All(changes, c => Assert.Equal(Then, c.CreatedUtc));
            Assert.Equal(changes[^1].Id, await session.GetLastChangeIdAsync(default));
        }

        Assert.Equal(["Editor"], await new UserAccounts(database, TimeProvider.System).VerifyAsync(tenant, "bientap", Password, default));
        await using (var db = database.Open(tenant))
        {
            var client = await db.Set<ApiClientRecord>().SingleAsync();
            Assert.Equal(("doi-tac", "Cổng đối tác", "hash-of-the-secret", "[\"Anonymous\"]", true, Then),
                (client.ClientId, client.DisplayName, client.SecretHash, client.Roles, client.Enabled, client.CreatedUtc));
            Assert.Equal(3, await db.ContentItems.CountAsync(r => r.SubmittedForReviewUtc == null));
        }
    }

    /// <summary>Rows in the tables and columns of the first migration only, as a node of that version wrote them.</summary>
    private static async Task FillAsFirstSchemaAsync(PortalsDbContext db)
    {
        await InsertItemAsync(db, "hg-nang-cap-1", "v1", "Khu công nghiệp Sông Hậu", latest: false, published: true, "khu-cong-nghiep-song-hau");
        await InsertItemAsync(db, "hg-nang-cap-1", "v2", "Khu công nghiệp Sông Hậu – giai đoạn 2", latest: true, published: false, "khu-cong-nghiep-song-hau");
        await InsertItemAsync(db, "hg-nang-cap-2", "v3", "Dự án Quốc lộ 61C", latest: true, published: true, "du-an-quoc-lo-61c");
        foreach (var (id, kind) in new[] { ("hg-nang-cap-1", "Published"), ("hg-nang-cap-2", "Published"), ("hg-nang-cap-2", "Unpublished"), ("hg-nang-cap-2", "Published") })
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ChangeLog" ("ContentItemId", "ContentType", "Kind", "CreatedUtc") VALUES ({id}, {"InvestmentCall"}, {kind}, {Then})""");
        }
        var user = new UserRecord { UserName = "bientap", NormalizedUserName = "BIENTAP" };
        var hash = UserAccounts.HashPassword(user, Password);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Users" ("UserName", "NormalizedUserName", "Email", "PasswordHash", "Roles", "Enabled", "SecurityStamp", "CreatedUtc", "AccessFailedCount", "LockoutEndUtc")
            VALUES ({"bientap"}, {"BIENTAP"}, {"bientap@haugiang.example"}, {hash}, {"[\"Editor\"]"}, {true}, {"STAMP2021"}, {Then}, {0}, {(DateTime?)null})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ApiClients" ("ClientId", "DisplayName", "SecretHash", "Roles", "Enabled", "CreatedUtc")
            VALUES ({"doi-tac"}, {"Cổng đối tác"}, {"hash-of-the-secret"}, {"[\"Anonymous\"]"}, {true}, {Then})
            """);
    }

    private static async Task InsertItemAsync(PortalsDbContext db, string id, string version, string title, bool latest, bool published, string path)
    {
        var json = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentItemVersionId"] = version,
            ["ContentType"] = "InvestmentCall",
            ["DisplayText"] = title,
            ["Latest"] = latest,
            ["Published"] = published,
            ["Owner"] = "admin",
            ["Author"] = "admin",
            ["CreatedUtc"] = Then,
            ["ModifiedUtc"] = Then,
            ["PublishedUtc"] = published ? Then : null,
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = path },
        }.ToJsonString();
        DateTime? publishedUtc = published ? Then : null;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ContentItems" ("ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "DisplayTextFolded", "Latest", "Published", "Path", "Owner", "Author", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "PublishAtUtc", "Json")
            VALUES ({id}, {version}, {"InvestmentCall"}, {title}, {title.ToLowerInvariant()}, {latest}, {published}, {path}, {"admin"}, {"admin"}, {Then}, {Then}, {publishedUtc}, {(DateTime?)null}, {json})
            """);
    }
}
