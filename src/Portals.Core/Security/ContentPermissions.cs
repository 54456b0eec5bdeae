using System.Security.Claims;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Tenants;
using Claims = OpenIddict.Abstractions.OpenIddictConstants.Claims;

namespace Portals.Core.Security;

/// <summary>
/// Resolves a caller's permissions from the roles in its token and the tenant's Roles document, read per request
/// so that a role edit takes effect at once (one small indexed read, only for authenticated calls).
/// </summary>
public sealed class ContentPermissions(IContentStore store)
{
    public async Task<bool> HasAsync(ClaimsPrincipal user, TenantContext tenant, string permission, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var roles = user.FindAll(Claims.Role).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (roles.Count == 0)
        {
            return false;
        }
        return (await RolesAsync(tenant, cancellationToken))
            .Where(r => r["Name"] is JsonValue name && name.TryGetValue(out string? n) && roles.Contains(n))
            .Any(r => r["Permissions"] is JsonArray granted
                && granted.Any(p => p is JsonValue v && v.TryGetValue(out string? s) && s == permission));
    }

    /// <summary>The role names defined in the tenant (case-insensitive, as role claims are matched).</summary>
    public async Task<IReadOnlySet<string>> RoleNamesAsync(TenantContext tenant, CancellationToken cancellationToken) =>
        (await RolesAsync(tenant, cancellationToken))
            .Select(r => r["Name"] is JsonValue name && name.TryGetValue(out string? n) ? n : null)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private async Task<IEnumerable<JsonObject>> RolesAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        return await session.GetDocumentAsync(DocumentKeys.Roles, cancellationToken) is JsonArray document
            ? document.OfType<JsonObject>().ToList()
            : [];
    }
}
