using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Portals.Core.Cluster;

/// <summary>
/// The node-level PostgreSQL database of <c>Portals:Cluster:ConnectionString</c>: state shared by every node and by
/// both tenants, so it lives in neither tenant's database. It holds the token signing and encryption keys and the
/// client-secret HMAC key (<c>portals_keys</c>) and the data-protection key ring of the admin cookies
/// (<c>portals_data_protection_keys</c>). Two tables made by <c>CREATE TABLE IF NOT EXISTS</c> under an advisory
/// lock (no EF model: nothing else queries them). Unset, keys stay files under the data folder.
/// </summary>
public sealed class ClusterDatabase(IOptions<ClusterOptions> options, ILogger<ClusterDatabase> logger)
{
    /// <summary>Held while the tables are made and while a missing key is created ("Portals", then 0x10).</summary>
    private const long KeysLockKey = 0x506F7274616C7310;

    private readonly Lazy<bool> _schema = new(() => CreateSchema(options.Value.ConnectionString!), LazyThreadSafetyMode.ExecutionAndPublication);

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.ConnectionString);

    /// <summary>Connects and makes the tables (once per process); throws when the database cannot be reached.</summary>
    public void EnsureSchema() => _ = _schema.Value;

    /// <summary>
    /// The key stored under <paramref name="name"/>, created by <paramref name="create"/> if no node stored one yet.
    /// Checked and inserted under a transaction lock, so two nodes starting at once end with the same key.
    /// </summary>
    public string GetOrCreateKey(string name, Func<string> create)
    {
        EnsureSchema();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Lock(connection);
        using (var read = new NpgsqlCommand("SELECT value FROM portals_keys WHERE name = @name", connection))
        {
            read.Parameters.AddWithValue("name", name);
            if (read.ExecuteScalar() is string existing)
            {
                transaction.Commit();
                return existing;
            }
        }
        var value = create();
        using (var insert = new NpgsqlCommand("INSERT INTO portals_keys (name, value) VALUES (@name, @value)", connection))
        {
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("value", value);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        CoreLog.CreatedSharedKey(logger, name);
        return value;
    }

    /// <summary>Every data-protection key element stored so far, oldest first.</summary>
    public IReadOnlyList<string> ReadDataProtectionKeys()
    {
        EnsureSchema();
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM portals_data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    public void StoreDataProtectionKey(string? friendlyName, string xml)
    {
        EnsureSchema();
        using var connection = Open();
        using var command = new NpgsqlCommand("INSERT INTO portals_data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", (object?)friendlyName ?? DBNull.Value);
        command.Parameters.AddWithValue("xml", xml);
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(options.Value.ConnectionString);
        connection.Open();
        return connection;
    }

    private static bool CreateSchema(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        // Two nodes creating one table at once may both fail on pg_type's unique index without the lock.
        Lock(connection);
        Execute(connection, "CREATE TABLE IF NOT EXISTS portals_keys (name text PRIMARY KEY, value text NOT NULL, created_utc timestamptz NOT NULL DEFAULT now())");
        Execute(connection, "CREATE TABLE IF NOT EXISTS portals_data_protection_keys (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "friendly_name text NULL, xml text NOT NULL)");
        transaction.Commit();
        return true;
    }

    private static void Lock(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeysLockKey);
        command.ExecuteNonQuery();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
