using Portals.Core.Security;

namespace Portals.Admin.Identity;

/// <summary>The permissions of one module, as the roles page groups them.</summary>
public sealed record PermissionGroup(string ModuleId, IReadOnlyList<string> Permissions)
{
    /// <summary>Resource key of the group's heading: <c>Roles.Group.Contents</c> for <c>Portals.Contents</c>.</summary>
    public string LabelKey => "Roles.Group." + (ModuleId.StartsWith("Portals.", StringComparison.Ordinal) ? ModuleId["Portals.".Length..] : ModuleId);
}

/// <summary>
/// What a role can be granted: the permissions the modules declare (<see cref="ModulePermissions"/>), grouped by module
/// in registration order. A name of <see cref="Permissions.All"/> that no module declares still appears, under the core,
/// so a role never holds a permission the page cannot show.
/// </summary>
public sealed class PermissionCatalog
{
    public const string CoreModuleId = "Portals.Core";

    /// <summary>
    /// The built-in Administrator role always keeps these: signing in to the workspace, managing users and managing
    /// roles. Without them nobody could give the rights back.
    /// </summary>
    public static readonly IReadOnlyList<string> AdministratorKeeps = [Permissions.AccessAdminPanel, Permissions.ManageUsers, Permissions.ManageRoles];

    public PermissionCatalog(IEnumerable<ModulePermissions> declared)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<PermissionGroup>();
        foreach (var module in declared.GroupBy(d => d.ModuleId, StringComparer.Ordinal))
        {
            var names = module.SelectMany(d => d.Permissions).Where(seen.Add).ToList();
            if (names.Count > 0)
            {
                groups.Add(new PermissionGroup(module.Key, names));
            }
        }
        var undeclared = Permissions.All.Where(seen.Add).ToList();
        if (undeclared.Count > 0)
        {
            groups.Add(new PermissionGroup(CoreModuleId, undeclared));
        }
        Groups = groups;
    }

    public IReadOnlyList<PermissionGroup> Groups { get; }

    public bool Contains(string permission) => Groups.Any(g => g.Permissions.Contains(permission, StringComparer.Ordinal));

    /// <summary>Resource key of a permission's label: <c>Permission.PublishContent</c>.</summary>
    public static string LabelKey(string permission) => "Permission." + permission;

    public static bool IsAdministrator(string role) => role.Equals(Permissions.AdministratorRole, StringComparison.OrdinalIgnoreCase);

    /// <summary>A permission the page shows checked and disabled for this role.</summary>
    public static bool IsLocked(string role, string permission) => IsAdministrator(role) && AdministratorKeeps.Contains(permission, StringComparer.Ordinal);
}
