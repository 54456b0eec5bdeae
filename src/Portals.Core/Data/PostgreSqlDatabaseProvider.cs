using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
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

    /// <summary>Held by the node migrating the tenant's database ("Portals", then 2).</summary>
    public const long SchemaLockKey = 0x506F7274616C7302;

    /// <summary>Held, as a lease, by the one node publishing the tenant's due schedules ("Portals", then 3).</summary>
    public const long SchedulerLeaseKey = 0x506F7274616C7303;

    /// <summary>Held by the node running the tenant's search rebuild job ("Portals", then 4).</summary>
    public const long SearchRebuildLockKey = 0x506F7274616C7304;

    /// <summary>
    /// Every write transaction notifies this channel; PostgreSQL delivers it at commit only (never on rollback), to
    /// every node listening on the tenant's database (<see cref="Cluster.ChangeNotificationListener"/>).
    /// </summary>
    public const string ChangesChannel = "portals_changes";

    public string Name => ProviderName;

    public void Configure(DbContextOptionsBuilder builder, TenantContext tenant) =>
        builder.UseNpgsql(tenant.ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    /// <summary>Npgsql pools it by connection string.</summary>
    public DbConnection CreateReadConnection(TenantContext tenant) => new NpgsqlConnection(tenant.ConnectionString);

    /// <summary>As EF Core translates <c>string.Contains</c> for PostgreSQL.</summary>
    public string ContainsSql(string column, string parameter) => $"strpos({column}, {parameter}) > 0";

    public Task InitializeAsync(PortalsDbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// EF's own migrations lock covers only its <c>Migrate</c> call; our pass also reads the status (refusing a newer
    /// database) and may baseline a legacy one before it. A session advisory lock on the context's connection covers
    /// the whole pass.
    /// </summary>
    public async Task<IAsyncDisposable> LockSchemaAsync(PortalsDbContext context, TenantContext tenant, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another node created it at the same moment (a close race ends in pg_database's unique index).
            }
        }
        await context.Database.OpenConnectionAsync(cancellationToken);
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken);
        return new SchemaLock(context);
    }

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
            // The notification rides on the lock's statement: no extra round trip per write.
            await context.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock({WriteLockKey}), pg_notify({ChangesChannel}, '')", cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>A session lock outlives transactions and would stay on a pooled connection: released explicitly.</summary>
    private sealed class SchemaLock(PortalsDbContext context) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SchemaLockKey})");
            }
            catch (NpgsqlException)
            {
                // The connection broke (the pass failed with it): its session, and so the lock, is gone already.
            }
            await context.Database.CloseConnectionAsync();
        }
    }
}
