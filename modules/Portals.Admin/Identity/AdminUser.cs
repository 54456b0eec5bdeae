using System.Security.Claims;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Admin.Identity;

/// <summary>
/// The signed-in user of an admin request, loaded from the tenant's database on every request (so disabling a user,
/// changing their roles or a role's permissions takes effect at once). Pages get it from <c>AdminPageModel.CurrentUser</c>.
/// </summary>
public sealed record AdminUser(long Id, string UserName, IReadOnlyList<string> Roles, IReadOnlySet<string> Permissions)
{
    public bool Has(string permission) => Permissions.Contains(permission);
}

/// <summary>The claims of the admin session cookie: who, in which tenant, and the password/security stamp it was issued for.</summary>
public static class AdminClaims
{
    public const string Tenant = "portals_tenant";
    public const string SecurityStamp = "portals_stamp";

    public static ClaimsPrincipal Create(TenantContext tenant, UserRecord user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(Tenant, tenant.Name),
            new Claim(SecurityStamp, user.SecurityStamp),
        ],
        AdminAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role));
}
