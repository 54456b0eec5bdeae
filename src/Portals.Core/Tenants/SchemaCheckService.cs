using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portals.Core.Data;

namespace Portals.Core.Tenants;

/// <summary>
/// Refuses to start a node whose code is older than a tenant's database (it holds a migration this build does not
/// know): serving would misread a schema it was not written for. Runs before tenant setup; a database that cannot be
/// reached is left to setup, which marks that tenant failed while the others serve.
/// </summary>
public sealed class SchemaCheckService(TenantRegistry registry, TenantDatabase database, ILogger<SchemaCheckService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in registry.All)
        {
            MigrationStatus status;
            try
            {
                status = await database.GetMigrationStatusAsync(tenant, cancellationToken);
            }
            // EF's retrying strategy (PostgreSQL) wraps the driver's error once its retries are spent.
            catch (Exception ex) when (ex is DbException || ex.InnerException is DbException)
            {
                CoreLog.SchemaCheckFailed(logger, ex, tenant.Name);
                continue;
            }
            if (status.Unknown.Count > 0)
            {
                var error = new DatabaseNewerThanCodeException(tenant.Name, status);
                CoreLog.DatabaseNewerThanCode(logger, error.Message);
                throw error;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
