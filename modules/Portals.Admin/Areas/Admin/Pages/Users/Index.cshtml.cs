using Microsoft.EntityFrameworkCore;
using Portals.Admin.Identity;
using Portals.Core.Data;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Users;

[RequirePermission(Permissions.ManageUsers)]
public sealed class IndexModel(TenantDatabase database, TimeProvider clock) : AdminPageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await using var db = database.Open(Tenant);
        var now = clock.GetUtcNow().UtcDateTime;
        var records = await db.Users.OrderBy(u => u.NormalizedUserName).ToListAsync(HttpContext.RequestAborted);
        Users = records.Select(u => new UserRow(u.Id, u.UserName, RoleDocument.RolesOf(u), u.Enabled,
            u.LockoutEndUtc > now ? u.LockoutEndUtc : null, u.CreatedUtc)).ToList();
    }

    public sealed record UserRow(long Id, string UserName, IReadOnlyList<string> Roles, bool Enabled, DateTime? LockedUntilUtc, DateTime CreatedUtc);
}
