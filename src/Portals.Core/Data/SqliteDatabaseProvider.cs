using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Portals.Core.Tenants;

namespace Portals.Core.Data;

/// <summary>The embedded default: one SQLite file per tenant, in WAL mode.</summary>
public sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    public const string ProviderName = "Sqlite";

    /// <summary>The assembly holding the SQLite migrations (<c>src/Portals.Migrations/Sqlite</c>).</summary>
    public const string MigrationsAssembly = "Portals.Migrations.Sqlite";

    public string Name => ProviderName;

    public void Configure(DbContextOptionsBuilder builder, TenantContext tenant) =>
        builder.UseSqlite(tenant.ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly)).AddInterceptors(SqlitePragmas.Instance);

    public async Task InitializeAsync(PortalsDbContext context, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>Microsoft.Data.Sqlite begins with <c>BEGIN IMMEDIATE</c>: the database's one write lock is taken at once.</summary>
    public Task<IDbContextTransaction> BeginWriteAsync(PortalsDbContext context, CancellationToken cancellationToken) =>
        context.Database.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// WAL with synchronous=NORMAL survives a killed process (only an OS crash can lose the last commits);
    /// foreign keys are off by default in SQLite.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
            command.ExecuteNonQuery();
        }
    }
}
