using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Cluster;

/// <summary>
/// Listens, on one dedicated connection per PostgreSQL tenant (NOTIFY is scoped to a database), for the notification
/// every write transaction sends at commit (<see cref="PostgreSqlDatabaseProvider.ChangesChannel"/>), and moves the
/// tenant's <see cref="ContentChangeSignal"/>: read caches, page caches and the search indexer of this node see other
/// nodes' writes at once. While connected it marks the tenant as listening (a probe every second proves the
/// connection alive), so caches may keep entries until the next change; disconnected, they fall back to their time
/// limit, and the reconnect moves the signal, since notifications sent meanwhile are lost. SQLite tenants: nothing.
/// </summary>
public sealed class ChangeNotificationListener(
    TenantRegistry registry, TenantStates states, ContentChangeSignal signal, TimeProvider clock,
    ILogger<ChangeNotificationListener> logger) : BackgroundService
{
    /// <summary>Shorter than any useful read-cache lifetime, so a healthy listener keeps the tenant marked listening.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    /// <summary>How the listeners' sessions show in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "portals-listener";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registry.All
            .Where(t => string.Equals(t.DatabaseProvider, PostgreSqlDatabaseProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
            .Select(t => ListenAsync(t, stoppingToken)));

    private async Task ListenAsync(TenantContext tenant, CancellationToken stoppingToken)
    {
        // The database may not exist before the tenant's setup created and migrated it.
        await states.WhenSetUp(tenant.Name).WaitAsync(stoppingToken).ConfigureAwait(false);
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenOnceAsync(tenant, () => backoff = TimeSpan.FromMilliseconds(250), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                CoreLog.ListenerDisconnected(logger, ex, tenant.Name, backoff.TotalSeconds);
            }
            finally
            {
                signal.NotListening(tenant.Name);
            }
            try
            {
                await Task.Delay(backoff, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task ListenOnceAsync(TenantContext tenant, Action connected, CancellationToken stoppingToken)
    {
        // Unpooled: a pooled connection would keep its LISTEN when returned, and this one lives as long as the node.
        var connectionString = new NpgsqlConnectionStringBuilder(tenant.ConnectionString) { Pooling = false, ApplicationName = ApplicationName }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, _) => signal.Changed(tenant.Name);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlDatabaseProvider.ChangesChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        // Whatever was committed while nobody listened is unknown: every cached entry of the tenant goes.
        var listeningSince = clock.GetUtcNow().UtcTicks;
        signal.Changed(tenant.Name);
        signal.Listening(tenant.Name, listeningSince);
        connected();
        CoreLog.ListenerConnected(logger, tenant.Name);
        await using var probe = new NpgsqlCommand("SELECT 1", connection);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(ProbeInterval, stoppingToken))
            {
                // A round trip proves the connection delivers: notifications of commits before the probe was sent
                // arrive before its answer, so the moment proven is the sending.
                var sent = clock.GetUtcNow().UtcTicks;
                await probe.ExecuteScalarAsync(stoppingToken);
                signal.Listening(tenant.Name, sent);
            }
        }
    }
}
