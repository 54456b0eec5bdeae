using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portals.Core.Tenants;

namespace Portals.Core.Content;

/// <summary>Publishes drafts whose <c>PublishLaterPart.ScheduledPublishUtc</c> has passed, in every running tenant.</summary>
public sealed class ScheduledPublishingService(
    TenantRegistry registry, TenantStates states, IContentStore store, TimeProvider clock, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var tenant in registry.All.Where(t => states.Get(t.Name) == TenantState.Running))
            {
                try
                {
                    await using var session = await store.OpenAsync(tenant, stoppingToken);
                    var count = await session.PublishDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                    await session.CommitAsync(stoppingToken);
                    if (count > 0)
                    {
                        CoreLog.PublishedScheduled(logger, count, tenant.Name);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    CoreLog.SchedulerFailed(logger, ex, tenant.Name);
                }
            }
        }
    }
}
