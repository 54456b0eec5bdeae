using System.Security.Cryptography;
using System.Text;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Testing;

/// <summary>
/// The database provider the host-level tests run on: SQLite files under the node's data folder (the default), or
/// PostgreSQL when <c>PORTALS_TEST_PROVIDER=PostgreSQL</c> (<c>./test.sh</c> runs the host-level suites it lists in
/// <c>postgres_runs</c> a second time so). On PostgreSQL each tenant of a node gets its own database, named from the
/// node's data folder, so two nodes over one folder share them as they share the SQLite files.
/// </summary>
public static class TestDatabases
{
    public const string ProviderVariable = "PORTALS_TEST_PROVIDER";

    /// <summary>The tenants of <c>appsettings.json</c>.</summary>
    private static readonly string[] ConfiguredTenants = ["haugiang", "cantho"];

    public static bool PostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), PostgreSqlDatabaseProvider.ProviderName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Settings that put every configured tenant of a node over <paramref name="dataPath"/> on the provider under test.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(string dataPath)
    {
        if (!PostgreSql)
        {
            yield break;
        }
        foreach (var tenant in ConfiguredTenants)
        {
            yield return new($"Portals:Tenants:{tenant}:DatabaseProvider", PostgreSqlDatabaseProvider.ProviderName);
            yield return new($"Portals:Tenants:{tenant}:ConnectionString", TestPostgres.ConnectionString(DatabaseName(dataPath, tenant)));
        }
    }

    /// <summary>A tenant that is not configured (an import target, a migration test), on the provider under test.</summary>
    public static TenantContext NewTenant(string dataPath, string name, bool pooling = true)
    {
        var folder = Path.Combine(dataPath, "Sites", name);
        return PostgreSql
            ? new TenantContext(name, name, name, [], PostgreSqlDatabaseProvider.ProviderName, TestPostgres.ConnectionString(DatabaseName(dataPath, name), pooling), folder, null, new TenantOptions())
            : new TenantContext(name, name, name, [], SqliteDatabaseProvider.ProviderName, $"Data Source={Path.Combine(folder, "portals.db")};Pooling={pooling}", folder, null, new TenantOptions());
    }

    /// <summary>A database access of its own (both providers, the core tables), as another process would have.</summary>
    public static TenantDatabase Database() =>
        new([new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider()], [new AuditLogModel(), new ApiClientsModel()]);

    /// <summary>A context on a node's tenant database with connections of its own, as another process would have.</summary>
    public static PortalsDbContext Open(string dataPath, string tenant) => Database().Open(NewTenant(dataPath, tenant, pooling: false));

    /// <summary>Drops the PostgreSQL databases of the node(s) over <paramref name="dataPath"/>; nothing to do on SQLite.</summary>
    public static async Task DropAsync(string dataPath)
    {
        if (PostgreSql)
        {
            await TestPostgres.DropDatabasesAsync(await TestPostgres.DatabasesAsync(Prefix(dataPath)));
        }
    }

    private static string DatabaseName(string dataPath, string tenant) => Prefix(dataPath) + tenant;

    private static string Prefix(string dataPath) =>
        "portals_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataPath))))[..16] + "_";
}
