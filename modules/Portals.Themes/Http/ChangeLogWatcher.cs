using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Themes.Http;

/// <summary>
/// Polls each running tenant's last change-log id, so pages cached on this node also turn over after writes made by
/// another process (the CLI, a second node), which <see cref="ContentChangeSignal"/> cannot see. One indexed read
/// per tenant per interval.
/// </summary>
public sealed class ChangeLogWatcher(
    TenantRegistry registry, TenantStates states, IContentStore store, PageCacheGenerations generations,
    IOptions<ThemesOptions> options, ILogger<ChangeLogWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.ExternalChangePollSeconds;
        if (seconds <= 0)
        {
            return;
        }
        var last = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            foreach (var tenant in registry.All.Where(t => states.Get(t.Name) == TenantState.Running))
            {
                try
                {
                    await using var session = await store.OpenAsync(tenant, stoppingToken);
                    var id = await session.GetLastChangeIdAsync(stoppingToken);
                    if (!last.TryGetValue(tenant.Name, out var seen) || seen != id)
                    {
                        last[tenant.Name] = id;
                        generations.ExternalChange(tenant.Name, id);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ThemesLog.ChangeLogPollFailed(logger, ex, tenant.Name);
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
