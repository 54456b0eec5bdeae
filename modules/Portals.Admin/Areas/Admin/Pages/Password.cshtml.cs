using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages;

/// <summary>
/// Changes the signed-in user's own password. A new security stamp ends the user's other sessions; this one gets a
/// fresh cookie.
/// </summary>
public sealed class PasswordModel(TenantDatabase database, TimeProvider clock) : AdminPageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var db = database.Open(Tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.AsTracking().FirstAsync(u => u.Id == CurrentUser.Id, cancellationToken);
        if (string.IsNullOrEmpty(Input.Current) || !UserAccounts.VerifyPassword(user, Input.Current))
        {
            AddError("Input.Current", "Password.CurrentWrong");
        }
        if (PasswordRules.Check(user.UserName, Input.New) is { } broken)
        {
            AddError("Input.New", broken, PasswordRules.MinimumLength);
        }
        else if (Input.New == Input.Current)
        {
            AddError("Input.New", "Password.SameAsCurrent");
        }
        if (Input.Confirm != Input.New)
        {
            AddError("Input.Confirm", "Password.Mismatch");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.PasswordHash = UserAccounts.HashPassword(user, Input.New!);
        user.SecurityStamp = UserAdministration.NewSecurityStamp();
        AuditLog.Add(db, AuditEntry(AuditActions.PasswordChanged, PasswordSignIn.Subject(user)), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await HttpContext.SignInAsync(AdminAuthentication.Scheme, AdminClaims.Create(Tenant, user));
        StatusMessage = T["Password.Changed"];
        return RedirectToPage("/Index");
    }

    public sealed class PasswordInput
    {
        public string? Current { get; set; }

        public string? New { get; set; }

        public string? Confirm { get; set; }
    }
}
