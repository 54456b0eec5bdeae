using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Audit;
using Portals.Core.Tests.Contracts;

namespace Portals.Core.Tests;

/// <summary>The audit contract on the EF store, plus the append-only triggers its migrations install.</summary>
public abstract class EfAuditTrailTests<THarness> : AuditTrailContractTests where THarness : StoreHarness, new()
{
    private readonly THarness _harness = new();

    public override async Task InitializeAsync()
    {
        await _harness.CreateTenantsAsync();
        Store = _harness.Store;
        Tenant = _harness.TenantA;
        await using var session = await Store.OpenAsync(Tenant, default);
        await session.SaveDefinitionsAsync(TestDefinitions.Set, default);
        await session.CommitAsync(default);
    }

    public override async Task DisposeAsync() => await _harness.DisposeAsync();

    protected override async Task<IReadOnlyList<(string Action, string? UserName, string? Subject, DateTime CreatedUtc)>> ReadLogAsync()
    {
        await using var db = _harness.Database.Open(Tenant);
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
        await using var db = _harness.Database.Open(Tenant);
        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"UserName\" = 'x'"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<DbException>(() => db.Set<AuditRecord>().ExecuteDeleteAsync());
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

public sealed class SqliteAuditTrailTests : EfAuditTrailTests<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlAuditTrailTests : EfAuditTrailTests<PostgreSqlHarness>;
