using Microsoft.EntityFrameworkCore;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>Direct reads and set-up over a tenant's database, for what a test arranges or checks behind the UI.</summary>
public static class AdminTestData
{
    public static async Task<IReadOnlyList<AuditRecord>> AuditAsync(PortalsFactory factory, string tenant, string? action = null)
    {
        await using var db = factory.Service<TenantDatabase>().Open(factory.Tenant(tenant));
        var rows = db.Set<AuditRecord>().AsQueryable();
        if (action is not null)
        {
            rows = rows.Where(a => a.Action == action);
        }
        return await rows.OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<UserRecord?> UserAsync(PortalsFactory factory, string tenant, string userName)
    {
        await using var db = factory.Service<TenantDatabase>().Open(factory.Tenant(tenant));
        var normalized = UserAccounts.Normalize(userName);
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized);
    }

    /// <summary>A user with the given roles and password <see cref="Password"/>; a fresh name per call.</summary>
    public static async Task<string> CreateUserAsync(PortalsFactory factory, string tenant, params string[] roles)
    {
        var name = "user" + Guid.NewGuid().ToString("n")[..8];
        await factory.Service<UserAccounts>().CreateAsync(factory.Tenant(tenant), name, Password, roles, default);
        return name;
    }

    public const string Password = "Mat-khau-2025";
}
