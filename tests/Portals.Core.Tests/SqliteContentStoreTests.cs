using Microsoft.Data.Sqlite;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Tests;

/// <summary>The contract on the embedded default: real SQLite files, one per tenant.</summary>
public sealed class SqliteContentStoreTests : ContentStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portals-store-tests", Guid.NewGuid().ToString("n"));

    public override async Task InitializeAsync()
    {
        var database = new TenantDatabase([new SqliteDatabaseProvider()], []);
        Store = new EfContentStore(database, TimeProvider.System);
        TenantA = Tenant("alpha");
        TenantB = Tenant("beta");
        foreach (var tenant in new[] { TenantA, TenantB })
        {
            await database.EnsureCreatedAsync(tenant, default);
            await using var session = await Store.OpenAsync(tenant, default);
            await session.SaveDefinitionsAsync(TestDefinitions.Set, default);
            await session.CommitAsync(default);
        }
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private TenantContext Tenant(string name)
    {
        var folder = Path.Combine(_folder, name);
        return new TenantContext(name, name, name, [], "Sqlite", $"Data Source={Path.Combine(folder, "portals.db")}", folder, null, new TenantOptions());
    }
}
