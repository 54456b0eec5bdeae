using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portals.Core.Tenants;

namespace Portals.Core.Data;

/// <summary>Chooses the database provider for a tenant. The seam where PostgreSQL plugs in.</summary>
public interface IDatabaseProvider
{
    string Name { get; }

    void Configure(DbContextOptionsBuilder builder, TenantContext tenant);

    /// <summary>Runs once after the schema exists (e.g. SQLite's WAL mode).</summary>
    Task InitializeAsync(PortalsDbContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Opens a tenant's database. Caches only the EF options per tenant name (configuration),
/// never rows: every call gets a fresh context.
/// </summary>
public sealed class TenantDatabase(IEnumerable<IDatabaseProvider> providers, IEnumerable<IModelContributor> contributors)
{
    private readonly IReadOnlyList<IModelContributor> _contributors = contributors.ToList();
    private readonly ConcurrentDictionary<string, DbContextOptions<PortalsDbContext>> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IDatabaseProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public PortalsDbContext Open(TenantContext tenant) =>
        new(_options.GetOrAdd(tenant.Name, _ => BuildOptions(tenant)), _contributors);

    /// <summary>Creates the schema when the database is new.</summary>
    public async Task EnsureCreatedAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(tenant.DataFolder);
        await using var context = Open(tenant);
        await context.Database.EnsureCreatedAsync(cancellationToken);
        await Provider(tenant).InitializeAsync(context, cancellationToken);
    }

    private DbContextOptions<PortalsDbContext> BuildOptions(TenantContext tenant)
    {
        var builder = new DbContextOptionsBuilder<PortalsDbContext>();
        Provider(tenant).Configure(builder, tenant);
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        builder.ReplaceService<IModelCacheKeyFactory, ContributorModelCacheKeyFactory>();
        return builder.Options;
    }

    private IDatabaseProvider Provider(TenantContext tenant) =>
        _providers.TryGetValue(tenant.DatabaseProvider, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database provider '{tenant.DatabaseProvider}' is not registered for tenant '{tenant.Name}'.");
}

/// <summary>The embedded default: one SQLite file per tenant, in WAL mode.</summary>
public sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    public string Name => "Sqlite";

    public void Configure(DbContextOptionsBuilder builder, TenantContext tenant) =>
        builder.UseSqlite(tenant.ConnectionString).AddInterceptors(SqlitePragmas.Instance);

    public async Task InitializeAsync(PortalsDbContext context, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

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
