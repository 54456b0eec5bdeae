using System.Data.Common;
using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// Pooled; reads need none of <see cref="SqlitePragmas"/> (a busy database is retried by Microsoft.Data.Sqlite up
    /// to the command timeout, and WAL readers do not wait for the writer).
    /// </summary>
    public DbConnection CreateReadConnection(TenantContext tenant) => new SqliteConnection(tenant.ConnectionString);

    /// <summary>As EF Core translates <c>string.Contains</c> for SQLite.</summary>
    public string ContainsSql(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    public async Task InitializeAsync(PortalsDbContext context, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>
    /// A lock file beside the database, held exclusively (flock on Unix) by the process migrating it. It stays in
    /// place: deleting it on release would let two waiters lock two different files.
    /// </summary>
    public async Task<IAsyncDisposable> LockSchemaAsync(PortalsDbContext context, TenantContext tenant, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return NoLock.Instance;
        }
        var path = Path.GetFullPath(file) + ".migrations-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var deadline = DateTime.UtcNow.AddMinutes(5); ; await Task.Delay(50, cancellationToken))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process is migrating this database; its pass is short.
            }
        }
    }

    /// <summary>Microsoft.Data.Sqlite begins with <c>BEGIN IMMEDIATE</c>: the database's one write lock is taken at once.</summary>
    public Task<IDbContextTransaction> BeginWriteAsync(PortalsDbContext context, CancellationToken cancellationToken) =>
        context.Database.BeginTransactionAsync(cancellationToken);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

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
