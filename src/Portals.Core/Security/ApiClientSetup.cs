using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Tenants;

namespace Portals.Core.Security;

/// <summary>Seeds the <c>portals-cli</c> client with the Administrator role; prints a generated secret once when none is configured.</summary>
public sealed class ApiClientSetup(ApiClients clients, IOptions<PortalsOptions> options, ILogger<ApiClientSetup> logger) : ITenantSetupContributor
{
    public const string CliClientId = "portals-cli";

    public async Task SetupAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        if (await clients.ExistsAsync(tenant, CliClientId, cancellationToken))
        {
            return;
        }
        if (string.IsNullOrEmpty(options.Value.Setup.ApiClientSecret))
        {
            CoreLog.GeneratedClientSecret(logger, tenant.Name, CliClientId);
        }
        var secret = UserAccounts.ConfiguredOrPrinted(options.Value.Setup.ApiClientSecret, $"[{tenant.Name}] API client '{CliClientId}' secret", ClientSecrets.Generate);
        await clients.CreateWithSecretAsync(tenant, CliClientId, secret, [Permissions.AdministratorRole], cancellationToken);
    }
}
