using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Tests;

/// <summary>The audit contract on the EF store over SQLite, plus the append-only triggers.</summary>
public sealed class SqliteAuditTrailTests : AuditTrailContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portals-audit-tests", Guid.NewGuid().ToString("n"));
    private TenantDatabase _database = null!;

    public override async Task InitializeAsync()
    {
        _database = new TenantDatabase([new SqliteDatabaseProvider()], [new AuditLogModel()]);
        Store = new EfContentStore(_database, TimeProvider.System);
        Tenant = new TenantContext("audit", "audit", "audit", [], "Sqlite", $"Data Source={Path.Combine(_folder, "portals.db")}", _folder, null, new TenantOptions());
        await _database.EnsureCreatedAsync(Tenant, default);
        await new AuditLogGuard(_database).SetupAsync(Tenant, default);
        await using var session = await Store.OpenAsync(Tenant, default);
        await session.SaveDefinitionsAsync(TestDefinitions.Set, default);
        await session.CommitAsync(default);
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    protected override async Task<IReadOnlyList<(string Action, string? UserName, string? Subject, DateTime CreatedUtc)>> ReadLogAsync()
    {
        await using var db = _database.Open(Tenant);
        var rows = await db.Set<AuditRecord>().OrderBy(a => a.Id).ToListAsync();
        return rows.Select(a => (a.Action, a.UserName, a.Subject, a.CreatedUtc)).ToList();
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_entry()
    {
        await using (var session = await Store.OpenAsync(Tenant, default))
        {
            await session.Audit().AppendAsync(new AuditEntry(AuditActions.SignIn, "admin", "127.0.0.1"), default);
            await session.CommitAsync(default);
        }
        await using var db = _database.Open(Tenant);
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"UserName\" = 'x'"));
        await Assert.ThrowsAsync<SqliteException>(() => db.Set<AuditRecord>().ExecuteDeleteAsync());
        Assert.Equal("admin", Assert.Single(await ReadLogAsync()).UserName);
    }

    [Fact]
    public async Task Long_values_are_clipped_to_their_columns()
    {
        await using (var session = await Store.OpenAsync(Tenant, default))
        {
            await session.Audit().AppendAsync(new AuditEntry(AuditActions.SignInFailed, new string('x', 5000), null), default);
            await session.CommitAsync(default);
        }
        Assert.Equal(AuditRecord.UserNameLength, Assert.Single(await ReadLogAsync()).UserName!.Length);
    }
}
