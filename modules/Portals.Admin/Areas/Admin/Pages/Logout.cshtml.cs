using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Data;

namespace Portals.Admin.Areas.Admin.Pages;

/// <summary>Sign-out: a POST only (a GET could be triggered by any link or image), audited.</summary>
public sealed class LogoutModel(TenantDatabase database, TimeProvider clock) : AdminPageModel
{
    public IActionResult OnGet() => Redirect(AdminPaths.Root(HttpContext));

    public async Task<IActionResult> OnPostAsync()
    {
        await using (var db = database.Open(Tenant))
        {
            AuditLog.Add(db, AuditEntry(AuditActions.SignOut, "user:" + CurrentUser.UserName), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        await HttpContext.SignOutAsync(AdminAuthentication.Scheme);
        return Redirect(AdminPaths.SignIn(HttpContext, null));
    }
}
