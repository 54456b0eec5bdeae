using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Search.Indexing;

/// <summary>
/// Keeps the index in step with every running tenant's change log. It polls, because the log is the only channel
/// that also carries writes made by other nodes and by CLI commands; a poll is one indexed query per tenant.
/// A tenant being rebuilt is skipped (the rebuild catches up itself), so it never holds up the others. A commit in
/// this process or, on PostgreSQL, a notification from another node (<see cref="ContentChangeSignal"/>) wakes it
/// before the interval ends; on PostgreSQL it also follows rebuilds started on other nodes (<see cref="ClusterRebuilds"/>).
/// </summary>
public sealed class SearchIndexingService(
    TenantRegistry registry, TenantStates states, SearchIndexer indexer, ClusterRebuilds rebuilds, ContentChangeSignal signal,
    ILogger<SearchIndexingService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            foreach (var tenant in registry.All.Where(t => states.Get(t.Name) == TenantState.Running))
            {
                try
                {
                    // One batch per tenant per round: during a bulk load in one portal, the other's first write is
                    // searchable after one batch, not after the whole backlog.
                    if (await indexer.TryCatchUpStepAsync(tenant, stoppingToken) is { Read: > 0 } step)
                    {
                        SearchLog.CaughtUp(logger, tenant.Name, step.Read);
                        more |= step.More;
                    }
                    await rebuilds.FollowAsync(tenant, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    SearchLog.CatchUpFailed(logger, ex, tenant.Name);
                }
            }
            if (more)
            {
                continue;
            }
            try
            {
                await signal.WaitAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
