using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Cluster;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Content;

/// <summary>
/// Publishes drafts whose <c>PublishLaterPart.ScheduledPublishUtc</c> has passed, in every running tenant. On
/// PostgreSQL one node at a time does it per tenant: the holder of the tenant's scheduler lease (a session advisory
/// lock, <see cref="ClusterLock"/>), which passes to another node when the holder's connection ends. (Two nodes
/// publishing at once would still publish each item once, under the write lock; the lease spares the duplicate work.)
/// </summary>
public sealed class ScheduledPublishingService(
    TenantRegistry registry, TenantStates states, IContentStore store, TimeProvider clock, IOptions<PortalsOptions> options,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var leases = new Dictionary<string, ClusterLock>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SchedulePollSeconds), clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var tenant in registry.All.Where(t => states.Get(t.Name) == TenantState.Running))
                {
                    try
                    {
                        if (await HoldLeaseAsync(leases, tenant, stoppingToken))
                        {
                            await PublishDueAsync(tenant, stoppingToken);
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        CoreLog.SchedulerFailed(logger, ex, tenant.Name);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the leases are released below.
        }
        finally
        {
            foreach (var lease in leases.Values)
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task<bool> HoldLeaseAsync(Dictionary<string, ClusterLock> leases, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (leases.TryGetValue(tenant.Name, out var held))
        {
            if (await held.IsAliveAsync(cancellationToken))
            {
                return true;
            }
            leases.Remove(tenant.Name);
            await held.DisposeAsync();
        }
        if (await ClusterLock.TryAcquireAsync(tenant, PostgreSqlDatabaseProvider.SchedulerLeaseKey, cancellationToken) is not { } taken)
        {
            return false;
        }
        leases[tenant.Name] = taken;
        if (ClusterLock.IsClustered(tenant))
        {
            CoreLog.SchedulerLeaseTaken(logger, tenant.Name);
        }
        return true;
    }

    private async Task PublishDueAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var count = await session.PublishDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        await session.CommitAsync(cancellationToken);
        if (count > 0)
        {
            CoreLog.PublishedScheduled(logger, count, tenant.Name);
        }
    }
}
