using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Data;
using Portals.Core.Tenants;
using Portals.Testing;
using Portals.Web.Hosting;

namespace Portals.Web.Tests;

/// <summary>
/// The schema as operators meet it: the host's model is fully covered by each provider's migrations, <c>db migrate</c>
/// brings a node's databases up to date before a roll-out, and a node refuses a database newer than its code.
/// Runs on the provider under test (<see cref="TestDatabases"/>).
/// </summary>
public sealed partial class DatabaseMigrationTests(PortalsFactory factory) : IClassFixture<PortalsFactory>, IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "portals-migration-tests", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabases.DropAsync(_data).GetAwaiter().GetResult();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>A module that adds a table without adding a migration fails here, for either provider.</summary>
    [Theory]
    [InlineData(SqliteDatabaseProvider.ProviderName, "Data Source=model-check.db")]
    [InlineData(PostgreSqlDatabaseProvider.ProviderName, "Host=localhost;Database=model_check")]
    public void HostModel_EveryRegisteredTable_CoveredByTheProvidersMigrations(string provider, string connection)
    {
        var database = factory.Service<TenantDatabase>();
        var tenant = new TenantContext("modelcheck" + provider, "", "", [], provider, connection, _data, null, new TenantOptions());
        using var db = database.Open(tenant);
        Assert.True(db.Database.GetMigrations().Count() >= 2);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that the {provider} migrations lack: run src/Portals.Migrations/add-migration.sh <Name>.");
        // add-migration.sh builds its model from the same contributors the host registers.
        Assert.Equal(database.Contributors.Select(c => c.GetType().FullName).Order(StringComparer.Ordinal),
            DesignTimeDbContextFactory.Contributors().Select(c => c.GetType().FullName));
    }

    [Fact]
    public async Task Node_ProviderUnderTest_EveryTenantOnItAndMigrated()
    {
        foreach (var tenant in factory.Service<TenantRegistry>().All)
        {
            Assert.Equal(TestDatabases.PostgreSql ? PostgreSqlDatabaseProvider.ProviderName : SqliteDatabaseProvider.ProviderName, tenant.DatabaseProvider);
            Assert.True((await factory.Service<TenantDatabase>().GetMigrationStatusAsync(tenant, default)).UpToDate);
        }
    }

    [Fact]
    public void Options_PostgreSqlInAnyCase_AcceptedWithAConnectionStringOnly()
    {
        var validator = new PortalsOptionsValidator(factory.Services.GetServices<IDatabaseProvider>());
        var options = new PortalsOptions();
        options.Tenants["haugiang"] = new TenantOptions { DatabaseProvider = "postgresql", ConnectionString = "Host=db;Database=haugiang" };
        Assert.True(validator.Validate(null, options).Succeeded);
        options.Tenants["haugiang"].ConnectionString = null;
        var failed = validator.Validate(null, options);
        Assert.Contains("Tenant 'haugiang' uses postgresql and needs Portals:Tenants:haugiang:ConnectionString.", failed.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_FreshDatabases_AppliesEveryMigrationThenReportsUpToDate()
    {
        using (var first = PortalsProcess.Start(_data, "db", "migrate"))
        {
            Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromMinutes(3)));
            Assert.Contains("haugiang: applied ", first.Output, StringComparison.Ordinal);
            Assert.Contains("_UniqueLatestPath", first.Output, StringComparison.Ordinal);
            Assert.Contains("cantho: applied ", first.Output, StringComparison.Ordinal);
        }
        using var again = PortalsProcess.Start(_data, "db", "migrate", "--tenant", "cantho");
        Assert.Equal(0, await again.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.Contains("cantho: up to date.", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("haugiang", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DatabaseMigratedByANewerBuild_NodeAndDbMigrateRefuseNamingTheMigration()
    {
        const string future = "29991231235959_FromANewerBuild";
        var tenant = TestDatabases.NewTenant(_data, "haugiang", pooling: false);
        var database = TestDatabases.Database();
        await database.MigrateAsync(tenant, default);
        await using (var db = database.Open(tenant))
        {
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow(future, "99.0.0")));
        }
        var message = $"The database of tenant 'haugiang' was migrated by a newer version of Portals: it has the migration(s) {future}";

        var port = PortalsProcess.FreePort();
        using (var node = PortalsProcess.Start(_data, "--urls", $"http://127.0.0.1:{port}"))
        {
            Assert.NotEqual(0, await node.WaitForExitAsync(TimeSpan.FromMinutes(3)));
            Assert.Contains(message, node.Output, StringComparison.Ordinal);
        }
        using var migrate = PortalsProcess.Start(_data, "db", "migrate");
        Assert.Equal(1, await migrate.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.Contains(message, migrate.Output, StringComparison.Ordinal);
    }
}
