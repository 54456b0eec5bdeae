using Microsoft.EntityFrameworkCore;
using Portals.Admin.Identity;
using Portals.Core.Data;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Roles;

/// <summary>The tenant's roles (all but Anonymous, which no user holds), what they grant and how many users hold each.</summary>
[RequirePermission(Permissions.ManageRoles)]
public sealed class IndexModel(RoleEditing roles, TenantDatabase database) : AdminPageModel
{
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var defined = RoleDocument.Assignable(await roles.ListAsync(Tenant, cancellationToken));
        await using var db = database.Open(Tenant);
        var held = (await db.Users.Select(u => u.Roles).ToListAsync(cancellationToken))
            .SelectMany(r => RoleDocument.RolesOf(new UserRecord { Roles = r }).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(r => r, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        Roles = defined.Select(r => new RoleRow(r.Name, r.Description, r.Permissions.Count, held.GetValueOrDefault(r.Name))).ToList();
    }

    public sealed record RoleRow(string Name, string Description, int Permissions, int Users);
}
