using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Users;

/// <summary>
/// An administrator sets a user's roles, disables or re-enables them, lifts a lockout or sets a new password. Each
/// change and its audit entry are one transaction. Administrators cannot disable themselves or take away their own
/// right to manage users, so a tenant never loses its last way in by a slip.
/// </summary>
[RequirePermission(Permissions.ManageUsers)]
public sealed class EditModel(TenantDatabase database, TimeProvider clock, ILogger<EditModel> logger) : AdminPageModel
{
    public UserRecord Account { get; private set; } = new();

    public IReadOnlyList<RoleInfo> Roles { get; private set; } = [];

    public DateTime? LockedUntilUtc => Account.LockoutEndUtc > clock.GetUtcNow().UtcDateTime ? Account.LockoutEndUtc : null;

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public string? RolesError => ModelState.TryGetValue("Input.Roles", out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        await using var db = database.Open(Tenant);
        if (!await LoadAsync(db, id))
        {
            return NotFound();
        }
        Input.Roles = RoleDocument.RolesOf(Account).ToList();
        return Page();
    }

    public Task<IActionResult> OnPostRolesAsync(long id) => ChangeAsync(id, user =>
    {
        var roles = Roles.Where(r => Input.Roles.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).Select(r => r.Name).ToList();
        if (roles.Count == 0)
        {
            AddError("Input.Roles", "Users.RolesRequired");
            return null;
        }
        if (user.Id == CurrentUser.Id && !RoleDocument.PermissionsOf(Roles, roles).Contains(Permissions.ManageUsers))
        {
            AddError("Input.Roles", "Users.KeepOwnManageUsers");
            return null;
        }
        var before = string.Join(", ", RoleDocument.RolesOf(user));
        user.Roles = RoleDocument.Serialize(roles);
        return AuditEntry(AuditActions.UserRolesChanged, PasswordSignIn.Subject(user), $"{before} → {string.Join(", ", roles)}");
    });

    public Task<IActionResult> OnPostDisableAsync(long id) => ChangeAsync(id, user =>
    {
        if (user.Id == CurrentUser.Id)
        {
            Error = T["Users.CannotDisableSelf"];
            return null;
        }
        user.Enabled = false;
        user.SecurityStamp = UserAdministration.NewSecurityStamp();
        return AuditEntry(AuditActions.UserDisabled, PasswordSignIn.Subject(user));
    });

    public Task<IActionResult> OnPostEnableAsync(long id) => ChangeAsync(id, user =>
    {
        user.Enabled = true;
        return AuditEntry(AuditActions.UserEnabled, PasswordSignIn.Subject(user));
    });

    public Task<IActionResult> OnPostUnlockAsync(long id) => ChangeAsync(id, user =>
    {
        user.LockoutEndUtc = null;
        user.AccessFailedCount = 0;
        return AuditEntry(AuditActions.UserChanged, PasswordSignIn.Subject(user), "unlocked");
    });

    public Task<IActionResult> OnPostPasswordAsync(long id) => ChangeAsync(id, user =>
    {
        if (PasswordRules.Check(user.UserName, Input.NewPassword) is { } broken)
        {
            AddError("Input.NewPassword", broken, PasswordRules.MinimumLength);
            return null;
        }
        user.PasswordHash = UserAccounts.HashPassword(user, Input.NewPassword!);
        user.SecurityStamp = UserAdministration.NewSecurityStamp();
        return AuditEntry(AuditActions.UserChanged, PasswordSignIn.Subject(user), "password reset");
    });

    /// <summary>Loads the user tracked, applies the change (null = refused, errors set), saves it with its audit entry.</summary>
    private async Task<IActionResult> ChangeAsync(long id, Func<UserRecord, AuditEntry?> change)
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var db = database.Open(Tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await LoadAsync(db, id, tracked: true))
        {
            return NotFound();
        }
        if (change(Account) is not { } entry)
        {
            if (!ModelState.ContainsKey("Input.Roles"))
            {
                Input.Roles = RoleDocument.RolesOf(Account).ToList();
            }
            return Page();
        }
        AuditLog.Add(db, entry, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AdminLog.UserManaged(logger, CurrentUser.UserName, Tenant.Name, entry.Action, entry.Subject ?? "");
        StatusMessage = T["Users.Saved", Account.UserName];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(PortalsDbContext db, long id, bool tracked = false)
    {
        var users = tracked ? db.Users.AsTracking() : db.Users;
        if (await users.FirstOrDefaultAsync(u => u.Id == id, HttpContext.RequestAborted) is not { } user)
        {
            return false;
        }
        Account = user;
        Roles = RoleDocument.Assignable(await RoleDocument.ReadAsync(db, HttpContext.RequestAborted));
        return true;
    }

    public sealed class EditInput
    {
        public List<string> Roles { get; set; } = [];

        public string? NewPassword { get; set; }
    }
}
