using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;

namespace Portals.Admin.Identity;

/// <summary>A role of the tenant's <c>Roles</c> document (written by the Roles recipe step).</summary>
public sealed record RoleInfo(string Name, string Description, IReadOnlyList<string> Permissions);

/// <summary>Reads the tenant's roles and what they grant; users store role names only.</summary>
public static class RoleDocument
{
    /// <summary>The role of visitors who are not signed in; never given to a user.</summary>
    public const string AnonymousRole = "Anonymous";

    public static async Task<IReadOnlyList<RoleInfo>> ReadAsync(PortalsDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.Documents.Where(d => d.Key == DocumentKeys.Roles).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        return Parse(json is null ? null : JsonNode.Parse(json));
    }

    /// <summary>The roles of a <c>Roles</c> document (an array of <c>{Name, Description, Permissions}</c>); none when absent.</summary>
    public static IReadOnlyList<RoleInfo> Parse(JsonNode? document)
    {
        if (document is not JsonArray array)
        {
            return [];
        }
        return array.OfType<JsonObject>()
            .Select(r => new RoleInfo(
                Text(r["Name"]) ?? "",
                Text(r["Description"]) ?? "",
                r["Permissions"] is JsonArray granted ? granted.Select(Text).OfType<string>().ToList() : []))
            .Where(r => r.Name.Length > 0)
            .ToList();
    }

    /// <summary>Roles a user can be given (every role but <see cref="AnonymousRole"/>).</summary>
    public static IReadOnlyList<RoleInfo> Assignable(IReadOnlyList<RoleInfo> roles) =>
        roles.Where(r => !r.Name.Equals(AnonymousRole, StringComparison.OrdinalIgnoreCase)).ToList();

    public static IReadOnlySet<string> PermissionsOf(IReadOnlyList<RoleInfo> roles, IEnumerable<string> userRoles)
    {
        var names = userRoles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return roles.Where(r => names.Contains(r.Name)).SelectMany(r => r.Permissions).ToHashSet(StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> RolesOf(UserRecord user) =>
        JsonSerializer.Deserialize<List<string>>(user.Roles) ?? [];

    public static string Serialize(IEnumerable<string> roles) => JsonSerializer.Serialize(roles.ToList());

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
