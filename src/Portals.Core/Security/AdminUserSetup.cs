using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Tenants;

namespace Portals.Core.Security;

/// <summary>Creates the first <c>admin</c> user; prints a generated password once when none is configured.</summary>
public sealed class AdminUserSetup(UserAccounts users, IOptions<PortalsOptions> options, ILogger<AdminUserSetup> logger) : ITenantSetupContributor
{
    public const string AdminUserName = "admin";

    public async Task SetupAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        if (await users.ExistsAsync(tenant, AdminUserName, cancellationToken))
        {
            return;
        }
        if (string.IsNullOrEmpty(options.Value.Setup.AdminPassword))
        {
            CoreLog.GeneratedPassword(logger, tenant.Name);
        }
        var password = UserAccounts.ConfiguredOrPrinted(options.Value.Setup.AdminPassword, $"[{tenant.Name}] admin password", UserAccounts.GeneratePassword);
        await users.CreateAsync(tenant, AdminUserName, password, [Permissions.AdministratorRole], cancellationToken);
    }
}
