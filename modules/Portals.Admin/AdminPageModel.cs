using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Tenants;

namespace Portals.Admin;

/// <summary>
/// Base of every admin page. The area conventions already guarantee, before a handler runs: a valid admin session
/// of this tenant (except on the sign-in page), the permissions named by <see cref="RequirePermissionAttribute"/>
/// on the page model, antiforgery validation of every POST, the language, and the security headers.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    private IStringLocalizer<AdminText>? _text;

    /// <summary>The tenant of the request; pass it to every store call.</summary>
    public TenantContext Tenant => HttpContext.GetTenant();

    /// <summary>The signed-in user, with the permissions of their roles in this tenant as of this request.</summary>
    public AdminUser CurrentUser =>
        HttpContext.Features.Get<AdminUser>() ?? throw new InvalidOperationException("No signed-in admin user on this request.");

    /// <summary>For showing or hiding actions; enforcing is the job of <see cref="RequirePermissionAttribute"/> or an explicit check.</summary>
    public bool Can(string permission) => HttpContext.Features.Get<AdminUser>()?.Has(permission) == true;

    /// <summary>A flash message shown once on the next page (after a redirect).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    protected IStringLocalizer<AdminText> T => _text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AdminText>>();

    protected string? ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>An audit entry by the signed-in user from this request's address; append it in the transaction of the change.</summary>
    protected AuditEntry AuditEntry(string action, string? subject = null, string? detail = null) =>
        new(action, CurrentUser.UserName, ClientAddress, subject, detail);

    /// <summary>"true" when the field has errors, else null (the attribute is then left out): <c>aria-invalid="@Model.Invalid("Input.Name")"</c>.</summary>
    public string? Invalid(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    protected void AddError(string key, string resourceKey, params object[] arguments) =>
        ModelState.AddModelError(key, T[resourceKey, arguments]);

    /// <summary>To the access-denied page (which answers 403), for checks beyond the attributes, e.g. ownership.</summary>
    protected IActionResult Denied() => Redirect(AdminPaths.Page(HttpContext, "denied"));
}
