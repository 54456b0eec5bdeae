using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portals.Core.Tenants;

namespace Portals.Core.Data;

/// <summary>
/// PostgreSQL through Npgsql: one database per tenant (several tenants may share a server). The connection string is
/// the tenant's <c>ConnectionString</c>; its role needs CREATEDB only if the database does not exist yet.
/// </summary>
public sealed class PostgreSqlDatabaseProvider : IDatabaseProvider
{
    public const string ProviderName = "PostgreSQL";

    /// <summary>The assembly holding the PostgreSQL migrations (<c>src/Portals.Migrations/PostgreSql</c>).</summary>
    public const string MigrationsAssembly = "Portals.Migrations.PostgreSql";

    /// <summary>
    /// The tenant's write lock. Advisory locks are scoped to the current database, and each tenant has its own, so
    /// one constant serves every tenant ("Portals" in ASCII, then 1).
    /// </summary>
    public const long WriteLockKey = 0x506F7274616C7301;

    public string Name => ProviderName;

    public void Configure(DbContextOptionsBuilder builder, TenantContext tenant) =>
        builder.UseNpgsql(tenant.ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    public Task InitializeAsync(PortalsDbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Under read committed, concurrent transactions would commit out of the order of the change-log ids they drew,
    /// and a follower could pass an id that commits later. Holding the tenant's advisory lock from the first
    /// statement to the end of the transaction makes its writes commit one at a time, in id order (as SQLite's single
    /// writer does), and makes every precondition read inside it final.
    /// </summary>
    public async Task<IDbContextTransaction> BeginWriteAsync(PortalsDbContext context, CancellationToken cancellationToken)
    {
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
