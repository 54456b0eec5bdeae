using Microsoft.Extensions.Hosting;

namespace Portals.Core.Cluster;

/// <summary>
/// A node configured with a cluster database refuses to start without it: keys made locally instead would make
/// tokens and cookies of this node fail on the others. Connects and makes the tables before anything serves.
/// </summary>
public sealed class ClusterStartupCheck(ClusterDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Configured)
        {
            database.EnsureSchema();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
