using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Core.Tests.Contracts;

/// <summary>
/// What every provider's migrations must do: upgrade a database in place without losing a row, and refuse a
/// database that a newer build has migrated.
/// </summary>
public abstract class MigrationContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    [Fact]
    public async Task MigrateAsync_FilledDatabaseAtFirstMigration_LaterMigrationsKeepEveryRow()
    {
        var tenant = Harness.NewTenant("upgrade");
        var (known, before) = await FilledAtFirstMigrationAsync(tenant);
        Assert.True(known.Count >= 2, "the upgrade path needs at least two migrations");
        var status = await Harness.Database.GetMigrationStatusAsync(tenant, default);
        Assert.Equal(known[..1], status.Applied);
        Assert.Equal(known[1..], status.Pending);

        Assert.Equal(known[1..], await Harness.Database.MigrateAsync(tenant, default));
        Assert.True((await Harness.Database.GetMigrationStatusAsync(tenant, default)).UpToDate);
        Assert.Equal(before, await SnapshotAsync(tenant));
        await using var session = await Store.OpenAsync(tenant, default);
        Assert.Equal("Bản nháp mới", (await session.GetAsync("p1", VersionOptions.Latest, default))!.DisplayText);
        Assert.Equal("Quốc lộ 61C", (await session.GetAsync("p1", VersionOptions.Published, default))!.DisplayText);
        Assert.Equal("quoc-lo-61c-2", (await session.SaveAsync(Offer("p9", "Quốc lộ 61C"), SaveMode.Publish, default)).Path);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseWithAMigrationThisBuildLacks_RefusedNamingIt()
    {
        const string future = "29991231235959_FromANewerBuild";
        await using (var db = Harness.Database.Open(TenantA))
        {
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(future, "99.0.0")));
        }

        var ex = await Assert.ThrowsAsync<DatabaseNewerThanCodeException>(() => Harness.Database.MigrateAsync(TenantA, default));
        Assert.Contains($"tenant 'alpha' was migrated by a newer version of Portals: it has the migration(s) {future}", ex.Message, StringComparison.Ordinal);
        Assert.Equal([future], (await Harness.Database.GetMigrationStatusAsync(TenantA, default)).Unknown);
    }

    [Fact]
    public async Task MigrateAsync_TwoNodesStartingOnANewDatabaseAtOnce_BothSucceed()
    {
        var tenant = Harness.NewTenant("together");
        await Task.WhenAll(
            Task.Run(() => Harness.Database.MigrateAsync(tenant, default)),
            Task.Run(() => Harness.OpenIndependentDatabase().MigrateAsync(tenant, default)));
        Assert.True((await Harness.Database.GetMigrationStatusAsync(tenant, default)).UpToDate);
        await InSession(tenant, async s =>
        {
            await s.SaveDefinitionsAsync(TestDefinitions.Set, default);
            await s.SaveAsync(SectorTaxonomy(), SaveRequest.Import, default);
            return await s.SaveAsync(Offer("n1", "Lúc đầu"), SaveMode.Draft, default);
        });
        Assert.Equal("Lúc đầu", (await InSession(tenant, s => s.GetAsync("n1", VersionOptions.Latest, default)))!.DisplayText);
    }

    /// <summary>A database made by EnsureCreated before migrations existed: the first migration's schema, no history.</summary>
    [Fact]
    public async Task MigrateAsync_DatabaseWithoutHistory_BaselinedAndUpgradedInPlace()
    {
        var tenant = Harness.NewTenant("legacy");
        var (_, before) = await FilledAtFirstMigrationAsync(tenant);
        await using (var db = Harness.Database.Open(tenant))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"__EFMigrationsHistory\"");
        }
        Assert.True((await Harness.Database.GetMigrationStatusAsync(tenant, default)).Legacy);

        await Harness.Database.MigrateAsync(tenant, default);
        Assert.True((await Harness.Database.GetMigrationStatusAsync(tenant, default)).UpToDate);
        Assert.Equal(before, await SnapshotAsync(tenant));
    }

    /// <summary>
    /// EnsureCreated by the build just before migrations: it already had the review column a later migration adds,
    /// but not the unique index on latest paths.
    /// </summary>
    [Fact]
    public async Task MigrateAsync_DatabaseWithoutHistoryHoldingALaterColumn_BaselinedPastIt()
    {
        var tenant = Harness.NewTenant("legacy2");
        await Harness.Database.MigrateAsync(tenant, default);
        await FillAsync(tenant);
        await using (var db = Harness.Database.Open(tenant))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"__EFMigrationsHistory\"");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_ContentItems_LatestPath\"");
        }
        var before = await SnapshotAsync(tenant);

        Assert.Contains(await Harness.Database.MigrateAsync(tenant, default), id => id.EndsWith("_UniqueLatestPath", StringComparison.Ordinal));
        Assert.True((await Harness.Database.GetMigrationStatusAsync(tenant, default)).UpToDate);
        Assert.Equal(before, await SnapshotAsync(tenant));
    }

    /// <summary>
    /// A database at the first migration holding rows of every kind, and their snapshot. The store writes this build's
    /// schema, so it fills an up-to-date database, which the later migrations' Down steps then take back to the first.
    /// </summary>
    private async Task<(List<string> Known, string Snapshot)> FilledAtFirstMigrationAsync(TenantContext tenant)
    {
        await Harness.Database.MigrateAsync(tenant, default);
        await FillAsync(tenant);
        var snapshot = await SnapshotAsync(tenant);
        await using var db = Harness.Database.Open(tenant);
        var known = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(known[0]);
        return (known, snapshot);
    }

    /// <summary>Items (published, with a newer draft, withdrawn, deleted), their change log, a user, an API client, an audit entry.</summary>
    private async Task FillAsync(TenantContext tenant)
    {
        await InSession(tenant, async s =>
        {
            await s.SaveDefinitionsAsync(TestDefinitions.Set, default);
            await s.SaveAsync(SectorTaxonomy(), SaveRequest.Import, default);
            await s.SaveAsync(Offer("p1", "Quốc lộ 61C"), SaveMode.Publish, default);
            await s.SaveAsync(Offer("p1", "Bản nháp mới"), SaveMode.Draft, default);
            await s.SaveAsync(Offer("u1", "Rút xuống"), SaveMode.Publish, default);
            await s.UnpublishAsync("u1", null, default);
            await s.SaveAsync(Offer("x1", "Đã xóa"), SaveMode.Publish, default);
            await s.DeleteAsync("x1", null, default);
            await s.Audit().AppendAsync(new AuditEntry(AuditActions.ContentPublished, "bientap1", "203.0.113.7", "p1"), default);
            return 0;
        });
        await new UserAccounts(Harness.Database, TimeProvider.System).CreateAsync(tenant, "bientap1", "Mat-khau-2025", ["Editor"], default);
        await using var db = Harness.Database.Open(tenant);
        db.Set<ApiClientRecord>().Add(new ApiClientRecord
        {
            ClientId = "doi-tac", DisplayName = "Đối tác", SecretHash = "hmac-sha256:00", Roles = "[\"Editor\"]", CreatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Every row of every table, as text.</summary>
    private async Task<string> SnapshotAsync(TenantContext tenant)
    {
        await using var db = Harness.Database.Open(tenant);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        foreach (var r in await db.ContentItems.OrderBy(r => r.Id).ToListAsync())
        {
            Line($"item {r.Id} {r.ContentItemId} {r.ContentItemVersionId} {r.ContentType} {r.DisplayText} {r.DisplayTextFolded} L={r.Latest} P={r.Published} {r.Path} {r.Owner} {r.Author} {r.CreatedUtc:O} {r.ModifiedUtc:O} {r.PublishedUtc:O} {r.PublishAtUtc:O} {r.Json}");
        }
        foreach (var t in await db.ContentTerms.OrderBy(t => t.Id).ToListAsync())
        {
            Line($"term {t.Id} {t.ContentItemRecordId} {t.Field} {t.TermContentItemId}");
        }
        foreach (var c in await db.ChangeLog.OrderBy(c => c.Id).ToListAsync())
        {
            Line($"log {c.Id} {c.ContentItemId} {c.ContentType} {c.Kind} {c.CreatedUtc:O}");
        }
        foreach (var d in await db.Documents.OrderBy(d => d.Key).ToListAsync())
        {
            Line($"doc {d.Key} {d.ModifiedUtc:O} {d.Json}");
        }
        foreach (var u in await db.Users.OrderBy(u => u.Id).ToListAsync())
        {
            Line($"user {u.Id} {u.UserName} {u.NormalizedUserName} {u.PasswordHash} {u.Roles} {u.Enabled} {u.SecurityStamp} {u.CreatedUtc:O}");
        }
        foreach (var c in await db.Set<ApiClientRecord>().OrderBy(c => c.Id).ToListAsync())
        {
            Line($"client {c.Id} {c.ClientId} {c.DisplayName} {c.SecretHash} {c.Roles} {c.Enabled} {c.CreatedUtc:O}");
        }
        foreach (var a in await db.Set<AuditRecord>().OrderBy(a => a.Id).ToListAsync())
        {
            Line($"audit {a.Id} {a.Action} {a.UserName} {a.IpAddress} {a.Subject} {a.CreatedUtc:O}");
        }
        Assert.Contains("log ", text.ToString(), StringComparison.Ordinal);
        return text.ToString();
    }
}

public sealed class SqliteMigrationTests : MigrationContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlMigrationTests : MigrationContract<PostgreSqlHarness>;
