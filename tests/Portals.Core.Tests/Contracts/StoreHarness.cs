using Microsoft.Data.Sqlite;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Tenants;
using Portals.Testing;

namespace Portals.Core.Tests.Contracts;

/// <summary>
/// A storage implementation under test: a store over two fresh tenants, and a second store over the same databases
/// that shares nothing in memory with the first, as another process or node would. A provider adds its own harness
/// and one line per contract suite.
/// </summary>
public abstract class StoreHarness : IAsyncDisposable
{
    /// <summary>The core tables' contributors, as the host registers them (modules' tables are not needed here).</summary>
    protected static readonly IModelContributor[] CoreModel = [new AuditLogModel(), new ApiClientsModel()];

    public IContentStore Store { get; protected set; } = null!;
    public TenantDatabase Database { get; protected set; } = null!;
    public TenantContext TenantA { get; protected set; } = null!;
    public TenantContext TenantB { get; protected set; } = null!;

    /// <summary>Migrates both tenants' new databases and creates <see cref="Store"/>.</summary>
    public async Task CreateTenantsAsync()
    {
        Database = new TenantDatabase([Provider()], CoreModel);
        Store = new EfContentStore(Database, TimeProvider.System);
        TenantA = NewTenant("alpha");
        TenantB = NewTenant("beta");
        await Database.MigrateAsync(TenantA, default);
        await Database.MigrateAsync(TenantB, default);
    }

    /// <summary>A store with its own connections and caches over the same databases: a second process.</summary>
    public IContentStore OpenIndependentStore() =>
        new IndependentStore(new EfContentStore(OpenIndependentDatabase(), TimeProvider.System), this);

    /// <summary>Database access with its own options and caches, as another node has.</summary>
    public TenantDatabase OpenIndependentDatabase() => new([Provider()], CoreModel);

    /// <summary>A tenant whose database does not exist yet; disposing the harness deletes it.</summary>
    public abstract TenantContext NewTenant(string name);

    public abstract ValueTask DisposeAsync();

    protected abstract IDatabaseProvider Provider();

    /// <summary>The tenant's connection string without pooling, so not even a pooled connection is shared.</summary>
    protected abstract string Unpooled(string connectionString);

    private sealed class IndependentStore(EfContentStore inner, StoreHarness harness) : IContentStore
    {
        public Task<IContentSession> OpenAsync(TenantContext tenant, CancellationToken cancellationToken) =>
            inner.OpenAsync(tenant with { ConnectionString = harness.Unpooled(tenant.ConnectionString) }, cancellationToken);
    }
}

/// <summary>The embedded default: real SQLite files, one per tenant.</summary>
public sealed class SqliteHarness : StoreHarness
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portals-store-tests", Guid.NewGuid().ToString("n"));

    public override TenantContext NewTenant(string name)
    {
        var folder = Path.Combine(_folder, name);
        return new TenantContext(name, name, name, [], "Sqlite", $"Data Source={Path.Combine(folder, "portals.db")}", folder, null, new TenantOptions());
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    protected override IDatabaseProvider Provider() => new SqliteDatabaseProvider();

    protected override string Unpooled(string connectionString) => connectionString + ";Pooling=False";
}

/// <summary>PostgreSQL: one server (<see cref="TestPostgres"/>), a database per tenant, as production shares one.</summary>
public sealed class PostgreSqlHarness : StoreHarness
{
    private readonly List<string> _databases = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portals-store-tests", Guid.NewGuid().ToString("n"));

    public override TenantContext NewTenant(string name)
    {
        var database = TestPostgres.NewDatabaseName(name);
        lock (_databases)
        {
            _databases.Add(database);
        }
        return new TenantContext(name, name, name, [], "PostgreSQL", TestPostgres.ConnectionString(database), Path.Combine(_folder, name), null, new TenantOptions());
    }

    public override async ValueTask DisposeAsync()
    {
        await TestPostgres.DropDatabasesAsync(_databases);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override IDatabaseProvider Provider() => new PostgreSqlDatabaseProvider();

    protected override string Unpooled(string connectionString) => connectionString + ";Pooling=false";
}
