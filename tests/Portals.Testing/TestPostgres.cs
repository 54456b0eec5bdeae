using Npgsql;

namespace Portals.Testing;

/// <summary>
/// The PostgreSQL server of the tests: <c>PORTALS_TEST_POSTGRES</c> holds a connection string without a database, for
/// a role with CREATEDB (and CREATEROLE for the isolation test). <c>./test.sh</c> starts a throwaway cluster and sets
/// it; a test that needs PostgreSQL fails without it, saying how to get one. (Linked into Portals.Core.Tests too.)
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PORTALS_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set and this test needs PostgreSQL. Run ./test.sh (it starts a throwaway cluster), or start one "
                + "with: eval \"$(tests/postgres.sh start)\" and run dotnet test again (tests/postgres.sh stop when done). "
                + "To run without PostgreSQL: dotnet test --filter \"Provider!=PostgreSQL\".");

    /// <summary>A database name unique to this test run: <c>portals_{label}_{random}</c>, within PostgreSQL's 63 characters.</summary>
    public static string NewDatabaseName(string label) => $"portals_{label}_{Guid.NewGuid():n}"[..Math.Min(63, 41 + label.Length)].ToLowerInvariant();

    public static string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>Drops the databases, closing whatever connections are still open on them.</summary>
    public static async Task DropDatabasesAsync(IEnumerable<string> names)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        foreach (var name in names)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The databases whose names start with <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyList<string>> DatabasesAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix)", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
