using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Admin.Identity;

/// <summary>
/// Checks the session on every admin request: the cookie's tenant claim must be the request's tenant, and the user
/// must still exist, be enabled, hold the security stamp the cookie was issued with (changed by a password change or
/// a disable) and be allowed into the admin. Sends the browser to the tenant's sign-in page with a returnUrl.
/// </summary>
internal sealed class AdminCookieEvents(TenantDatabase database, ILogger<AdminCookieEvents> logger) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.Features.Get<TenantFeature>()?.Tenant;
        var principal = context.Principal!;
        var claimed = principal.FindFirstValue(AdminClaims.Tenant);
        if (tenant is null || !string.Equals(claimed, tenant.Name, StringComparison.Ordinal))
        {
            AdminLog.ForeignSession(logger, claimed, tenant?.Name ?? "(none)");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminAuthentication.Scheme);
            return;
        }
        var user = await LoadAsync(tenant, principal, context.HttpContext.RequestAborted);
        if (user is null)
        {
            AdminLog.SessionEnded(logger, principal.FindFirstValue(ClaimTypes.NameIdentifier), tenant.Name, "user disabled, removed, stamp changed or no admin access");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminAuthentication.Scheme);
            return;
        }
        context.HttpContext.Features.Set(user);
    }

    private async Task<AdminUser?> LoadAsync(TenantContext tenant, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        await using var db = database.Open(tenant);
        var record = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (record is null || !record.Enabled || record.SecurityStamp != principal.FindFirstValue(AdminClaims.SecurityStamp))
        {
            return null;
        }
        var roles = RoleDocument.RolesOf(record);
        var permissions = RoleDocument.PermissionsOf(await RoleDocument.ReadAsync(db, cancellationToken), roles);
        return permissions.Contains(Permissions.AccessAdminPanel) ? new AdminUser(record.Id, record.UserName, roles, permissions) : null;
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (IsScriptRequest(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        http.Response.Redirect(AdminPaths.SignIn(http, ReturnUrl(http.Request)));
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (IsScriptRequest(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        http.Response.Redirect(AdminPaths.Page(http, "denied"));
        return Task.CompletedTask;
    }

    /// <summary>Where to come back to: the same page; for a POST, as a GET with resume=1 so its form is refilled.</summary>
    private static string ReturnUrl(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? UriHelper.BuildRelative(request.PathBase, request.Path, request.QueryString)
            : AdminPaths.ResumeUrl(request);

    /// <summary>fetch/XHR calls (e.g. an upload with a progress bar) get a status code, not an HTML redirect.</summary>
    private static bool IsScriptRequest(HttpRequest request) =>
        request.Headers.XRequestedWith == "XMLHttpRequest"
        || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
