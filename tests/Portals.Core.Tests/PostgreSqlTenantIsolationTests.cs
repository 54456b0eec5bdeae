using Npgsql;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Tenants;
using Portals.Testing;

namespace Portals.Core.Tests;

/// <summary>
/// Two tenants on one PostgreSQL server, each in its own database under its own role (as the README's deployment
/// sets them up): nothing of one is readable through the other's connection.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlTenantIsolationTests : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("n")[..12];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portals-isolation-tests", Guid.NewGuid().ToString("n"));
    private readonly TenantDatabase _database = new([new PostgreSqlDatabaseProvider()], []);
    private TenantContext _a = null!;
    private TenantContext _b = null!;

    public async Task InitializeAsync()
    {
        _a = Tenant("a");
        _b = Tenant("b");
        await AsServerAsync($"CREATE ROLE {Role("a")} LOGIN CREATEDB; CREATE ROLE {Role("b")} LOGIN CREATEDB;"
            + $"GRANT {Role("a")}, {Role("b")} TO CURRENT_USER;");
        foreach (var (tenant, name) in new[] { (_a, "a"), (_b, "b") })
        {
            // Each role creates and owns its database, and closes it to every other role.
            await _database.MigrateAsync(tenant, default);
            await using var connection = new NpgsqlConnection(tenant.ConnectionString);
            await connection.OpenAsync();
            await using var revoke = new NpgsqlCommand($"REVOKE CONNECT ON DATABASE {Database(name)} FROM PUBLIC", connection);
            await revoke.ExecuteNonQueryAsync();
        }
        var store = new EfContentStore(_database, TimeProvider.System);
        await using var session = await store.OpenAsync(_a, default);
        await session.SaveDefinitionsAsync(TestDefinitions.Set, default);
        await session.SaveAsync(Offer("bi-mat", "Dự thảo nội bộ Hậu Giang"), SaveMode.Draft, default);
        await session.SaveAsync(Offer("cong-khai", "Tin công khai Hậu Giang"), SaveMode.Publish, default);
        await session.CommitAsync(default);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabasesAsync([Database("a"), Database("b")]);
        await AsServerAsync($"DROP ROLE {Role("a")}; DROP ROLE {Role("b")};");
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task OtherTenantsConnection_SeesNothingAndCannotReachItsDatabase()
    {
        var store = new EfContentStore(_database, TimeProvider.System);
        await using (var session = await store.OpenAsync(_b, default))
        {
            Assert.Null(await session.GetJsonAsync("bi-mat", VersionOptions.Latest, default));
            Assert.Null(await session.GetJsonAsync("cong-khai", VersionOptions.Published, default));
            Assert.Empty(await session.ListLatestAsync(default));
            Assert.Equal(0, await session.GetLastChangeIdAsync(default));
        }
        await using (var session = await store.OpenAsync(_a, default))
        {
            Assert.NotNull(await session.GetJsonAsync("bi-mat", VersionOptions.Latest, default));
        }

        // B's role may not even connect to A's database, and a query cannot reach across databases.
        var intoA = new NpgsqlConnectionStringBuilder(_b.ConnectionString) { Database = Database("a"), Pooling = false }.ConnectionString;
        await using (var denied = new NpgsqlConnection(intoA))
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => denied.OpenAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        await using var own = new NpgsqlConnection(_b.ConnectionString);
        await own.OpenAsync();
        await using var across = new NpgsqlCommand($"SELECT count(*) FROM {Database("a")}.public.\"ContentItems\"", own);
        var cross = await Assert.ThrowsAsync<PostgresException>(() => across.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.FeatureNotSupported, cross.SqlState);
    }

    private string Role(string name) => $"portals_iso_{name}_{_suffix}";

    private string Database(string name) => $"portals_iso_{name}_{_suffix}";

    private TenantContext Tenant(string name)
    {
        var connection = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = Database(name), Username = Role(name) };
        return new TenantContext(name, name, name, [], "PostgreSQL", connection.ConnectionString, Path.Combine(_folder, name), null, new TenantOptions());
    }

    private static async Task AsServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static ContentItem Offer(string id, string title) => new(new System.Text.Json.Nodes.JsonObject
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Offer",
        ["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = title },
        ["Offer"] = new System.Text.Json.Nodes.JsonObject { ["Location"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Vị Thanh" } },
    });
}
