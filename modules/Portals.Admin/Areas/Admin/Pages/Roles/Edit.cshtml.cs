using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Roles;

/// <summary>
/// Creates a role (no <c>name</c> in the query) or edits one: its description and the permissions it grants, grouped by
/// the module that declares them. Saved with its RoleChanged audit entry in one transaction (<see cref="RoleEditing"/>).
/// </summary>
[RequirePermission(Permissions.ManageRoles)]
public sealed class EditModel(RoleEditing roles, PermissionCatalog catalog, ILogger<EditModel> logger) : AdminPageModel
{
    [BindProperty(SupportsGet = true, Name = "name")]
    public string? RoleName { get; set; }

    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public bool IsNew => string.IsNullOrEmpty(RoleName);

    public PermissionCatalog Catalog => catalog;

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public bool Granted(string permission) =>
        Input.Permissions.Contains(permission, StringComparer.Ordinal) || (!IsNew && PermissionCatalog.IsLocked(RoleName!, permission));

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }
        if (await FindAsync() is not { } role)
        {
            return NotFound();
        }
        RoleName = role.Name;
        Input.Description = role.Description;
        Input.Permissions = [.. role.Permissions];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!IsNew && await FindAsync() is null)
        {
            return NotFound();
        }
        var update = new RoleUpdate(IsNew ? Input.Name ?? "" : RoleName!, Input.Description, Input.Permissions, IsNew);
        var (refusal, changed) = await roles.SaveAsync(Tenant, update, CurrentUser,
            (subject, detail) => AuditEntry(AuditActions.RoleChanged, subject, detail), HttpContext.RequestAborted);
        if (refusal is not null)
        {
            var arguments = refusal.ResourceKey == "Roles.KeepOwn"
                ? [T[PermissionCatalog.LabelKey((string)refusal.Arguments[0])].Value]
                : refusal.Arguments;
            AddError(refusal.Key, refusal.ResourceKey, arguments);
            return Page();
        }
        var name = update.Name.Trim();
        if (changed)
        {
            AdminLog.UserManaged(logger, CurrentUser.UserName, Tenant.Name, AuditActions.RoleChanged, "role:" + name);
        }
        StatusMessage = changed ? T["Roles.Saved", name] : T["Roles.Unchanged", name];
        return RedirectToPage("/Roles/Index");
    }

    private async Task<RoleInfo?> FindAsync() =>
        RoleDocument.Assignable(await roles.ListAsync(Tenant, HttpContext.RequestAborted))
            .FirstOrDefault(r => r.Name.Equals(RoleName, StringComparison.OrdinalIgnoreCase));

    public sealed class RoleInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public List<string> Permissions { get; set; } = [];
    }
}
