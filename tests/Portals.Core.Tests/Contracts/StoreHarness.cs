using Microsoft.Data.Sqlite;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Tests.Contracts;

/// <summary>
/// A storage implementation under test: a store over two fresh tenants, and a second store over the same databases
/// that shares nothing in memory with the first, as another process or node would. A PostgreSQL implementation adds
/// its own harness and one line per contract suite.
/// </summary>
public abstract class StoreHarness : IAsyncDisposable
{
    public IContentStore Store { get; protected set; } = null!;
    public TenantContext TenantA { get; protected set; } = null!;
    public TenantContext TenantB { get; protected set; } = null!;

    /// <summary>Creates both tenants' empty databases and <see cref="Store"/>.</summary>
    public abstract Task CreateTenantsAsync();

    /// <summary>A store with its own connections and caches over the same databases: a second process.</summary>
    public abstract IContentStore OpenIndependentStore();

    public abstract ValueTask DisposeAsync();
}

/// <summary>The embedded default: real SQLite files, one per tenant.</summary>
public sealed class SqliteHarness : StoreHarness
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portals-store-tests", Guid.NewGuid().ToString("n"));

    public override async Task CreateTenantsAsync()
    {
        var database = new TenantDatabase([new SqliteDatabaseProvider()], []);
        Store = new EfContentStore(database, TimeProvider.System);
        TenantA = Tenant("alpha");
        TenantB = Tenant("beta");
        await database.EnsureCreatedAsync(TenantA, default);
        await database.EnsureCreatedAsync(TenantB, default);
    }

    public override IContentStore OpenIndependentStore() =>
        new IndependentStore(new EfContentStore(new TenantDatabase([new SqliteDatabaseProvider()], []), TimeProvider.System));

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private TenantContext Tenant(string name)
    {
        var folder = Path.Combine(_folder, name);
        return new TenantContext(name, name, name, [], "Sqlite", $"Data Source={Path.Combine(folder, "portals.db")}", folder, null, new TenantOptions());
    }

    /// <summary>Unpooled connections for the second store, so not even a pooled connection is shared with the first.</summary>
    private sealed class IndependentStore(EfContentStore inner) : IContentStore
    {
        public Task<IContentSession> OpenAsync(TenantContext tenant, CancellationToken cancellationToken) =>
            inner.OpenAsync(tenant with { ConnectionString = tenant.ConnectionString + ";Pooling=False" }, cancellationToken);
    }
}
