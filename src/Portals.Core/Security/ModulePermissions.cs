using Microsoft.Extensions.DependencyInjection;

namespace Portals.Core.Security;

/// <summary>
/// The permissions a module checks, declared by its <c>Startup</c> (<c>services.AddPermissions(Manifest.Value.Id, …)</c>).
/// Roles grant these names (the <c>Roles</c> recipe step, the admin's roles page, which groups them by module). Every
/// name must be one of <see cref="Permissions.All"/>, which the core turns into authorization policies.
/// </summary>
public sealed record ModulePermissions(string ModuleId, IReadOnlyList<string> Permissions);

public static class ModulePermissionsExtensions
{
    public static IServiceCollection AddPermissions(this IServiceCollection services, string moduleId, params string[] permissions)
    {
        var unknown = permissions.Where(p => !Security.Permissions.All.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Module {moduleId} declares permissions missing from Permissions.All: {string.Join(", ", unknown)}.", nameof(permissions));
        }
        return services.AddSingleton(new ModulePermissions(moduleId, permissions));
    }
}
