using Npgsql;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Cluster;

/// <summary>
/// A PostgreSQL session advisory lock on a tenant's database, held on a dedicated connection: a lease that one node
/// holds at a time and that passes to another as soon as the holder's connection ends (a crash, a stop, a network
/// loss), with no expiry to tune. On SQLite (one node) every acquisition succeeds, with nothing to hold.
/// </summary>
public sealed class ClusterLock : IAsyncDisposable
{
    private readonly NpgsqlConnection? _connection;

    private ClusterLock(NpgsqlConnection? connection) => _connection = connection;

    public static bool IsClustered(TenantContext tenant) =>
        string.Equals(tenant.DatabaseProvider, PostgreSqlDatabaseProvider.ProviderName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Takes the lock if nobody holds it; null when another session does.</summary>
    public static async Task<ClusterLock?> TryAcquireAsync(TenantContext tenant, long key, CancellationToken cancellationToken)
    {
        if (!IsClustered(tenant))
        {
            return new ClusterLock(null);
        }
        var connection = new NpgsqlConnection(Unpooled(tenant));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new ClusterLock(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Whether any session of the cluster holds the lock (e.g. a job reported running is still alive).</summary>
    public static async Task<bool> IsHeldAsync(TenantContext tenant, long key, CancellationToken cancellationToken)
    {
        if (!IsClustered(tenant))
        {
            return false;
        }
        await using var connection = new NpgsqlConnection(tenant.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // A bigint key is stored as two 32-bit halves, with objsubid 1.
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() "
            + "AND l.locktype = 'advisory' AND l.objsubid = 1 AND l.classid::bigint = @high AND l.objid::bigint = @low AND l.granted)", connection);
        command.Parameters.AddWithValue("high", (key >> 32) & 0xFFFFFFFF);
        command.Parameters.AddWithValue("low", key & 0xFFFFFFFF);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>Whether the lock is still this node's: its connection answers (if it broke, the lock is gone).</summary>
    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            return true;
        }
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Closing the session releases the lock; nothing is left on a pooled connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private static string Unpooled(TenantContext tenant) =>
        new NpgsqlConnectionStringBuilder(tenant.ConnectionString) { Pooling = false }.ConnectionString;
}
