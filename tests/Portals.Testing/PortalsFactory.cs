using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Tenants;
using Xunit;

namespace Portals.Testing;

/// <summary>
/// The real host over fresh databases (SQLite files in a fresh data folder, or fresh PostgreSQL databases when
/// <see cref="TestDatabases.PostgreSql"/>): each test class that uses it as a fixture gets both tenants newly set up
/// from their recipes.
/// </summary>
public class PortalsFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Quan-tri-2025!";
    public const string ApiClientSecret = "portals-cli-test-secret";

    public PortalsFactory()
        : this(Path.Combine(Path.GetTempPath(), "portals-tests", Guid.NewGuid().ToString("n")))
    {
    }

    /// <summary>A node over an existing data folder, e.g. the second web node of a multi-node test.</summary>
    protected PortalsFactory(string dataPath) => DataPath = dataPath;

    public string DataPath { get; }

    /// <summary>Deletes the data folder on dispose; a second node over a shared folder leaves it to the first.</summary>
    protected virtual bool OwnsDataPath => true;

    /// <summary>Extra configuration for a test class, e.g. a tighter rate limit.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portals:DataPath", DataPath);
        builder.UseSetting("Portals:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Portals:Setup:ApiClientSecret", ApiClientSecret);
        foreach (var (key, value) in TestDatabases.Settings(DataPath).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public TenantContext Tenant(string name) => Service<TenantRegistry>().Get(name);

    /// <summary>Starts the host and waits until both tenants have run their setup recipes.</summary>
    public virtual async Task InitializeAsync()
    {
        _ = Server;
        await WaitForTenantsAsync();
    }

    /// <summary>Waits until both tenants have run their setup recipes and are running.</summary>
    protected async Task WaitForTenantsAsync()
    {
        var states = Service<TenantStates>();
        foreach (var tenant in Service<TenantRegistry>().All)
        {
            await states.WhenSetUp(tenant.Name).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(TenantState.Running, states.Get(tenant.Name));
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!OwnsDataPath)
        {
            return;
        }
        await TestDatabases.DropAsync(DataPath);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner; it never affects another test's folder.
        }
    }
}
