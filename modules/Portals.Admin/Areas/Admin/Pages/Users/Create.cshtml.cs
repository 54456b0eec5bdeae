using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Users;

/// <summary>An administrator creates a user with a first password and roles; audited in the same transaction.</summary>
[RequirePermission(Permissions.ManageUsers)]
public sealed class CreateModel(TenantDatabase database, TimeProvider clock) : AdminPageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public IReadOnlyList<RoleInfo> Roles { get; private set; } = [];

    public string? RolesError => ModelState.TryGetValue("Input.Roles", out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync()
    {
        await using var db = database.Open(Tenant);
        Roles = RoleDocument.Assignable(await RoleDocument.ReadAsync(db, HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var db = database.Open(Tenant);
        Roles = RoleDocument.Assignable(await RoleDocument.ReadAsync(db, cancellationToken));
        var userName = Input.UserName?.Trim() ?? "";
        if (UserAdministration.CheckUserName(userName) is { } nameError)
        {
            AddError("Input.UserName", nameError, UserAdministration.MaxUserNameLength);
        }
        else if (await db.Users.AnyAsync(u => u.NormalizedUserName == UserAccounts.Normalize(userName), cancellationToken))
        {
            AddError("Input.UserName", "Users.NameTaken", userName);
        }
        if (PasswordRules.Check(userName, Input.Password) is { } passwordError)
        {
            AddError("Input.Password", passwordError, PasswordRules.MinimumLength);
        }
        if (Input.Confirm != Input.Password)
        {
            AddError("Input.Confirm", "Password.Mismatch");
        }
        var roles = Roles.Where(r => Input.Roles.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).Select(r => r.Name).ToList();
        if (roles.Count == 0 || roles.Count != Input.Roles.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            AddError("Input.Roles", "Users.RolesRequired");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new UserRecord
        {
            UserName = userName,
            NormalizedUserName = UserAccounts.Normalize(userName),
            Roles = RoleDocument.Serialize(roles),
            SecurityStamp = UserAdministration.NewSecurityStamp(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = UserAccounts.HashPassword(user, Input.Password!);
        db.Users.Add(user);
        AuditLog.Add(db, AuditEntry(AuditActions.UserCreated, PasswordSignIn.Subject(user), "roles: " + string.Join(", ", roles)), user.CreatedUtc);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator created the same name a moment ago (unique index on the normalized name).
            AddError("Input.UserName", "Users.NameTaken", userName);
            return Page();
        }
        await transaction.CommitAsync(cancellationToken);
        StatusMessage = T["Users.CreatedMessage", userName];
        return RedirectToPage("/Users/Index");
    }

    public sealed class CreateInput
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string? Confirm { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
