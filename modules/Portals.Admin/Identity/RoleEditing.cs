using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Admin.Identity;

/// <summary>What the roles form posts: a new role (<see cref="Create"/>) or an existing one's description and permissions.</summary>
public sealed record RoleUpdate(string Name, string? Description, IReadOnlyCollection<string> Permissions, bool Create);

/// <summary>A refused change: the form key it belongs next to and the AdminText resource key of the message.</summary>
public sealed record RoleRefusal(string Key, string ResourceKey, params object[] Arguments);

/// <summary>
/// Creates roles and changes what they grant, in the tenant's <c>Roles</c> document (the one the <c>Roles</c> recipe
/// step writes and the admin and API read on every request, so a change applies at once). Each change and its
/// <see cref="AuditActions.RoleChanged"/> entry commit in one store session.
/// </summary>
public sealed partial class RoleEditing(IContentStore store, PermissionCatalog catalog)
{
    public const int MaxDescriptionLength = 200;

    public async Task<IReadOnlyList<RoleInfo>> ListAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        return RoleDocument.Parse(await session.GetDocumentAsync(DocumentKeys.Roles, cancellationToken));
    }

    /// <summary>
    /// Applies the update, or returns why not. The Administrator role keeps <see cref="PermissionCatalog.AdministratorKeeps"/>
    /// whatever is posted, and nobody removes their own access to the workspace or to this page. Permissions the modules do
    /// not declare (written by a recipe) are kept as they are. <c>(null, false)</c>: there was nothing to change.
    /// </summary>
    public async Task<(RoleRefusal? Refusal, bool Changed)> SaveAsync(TenantContext tenant, RoleUpdate update, AdminUser actor,
        Func<string, string, AuditEntry> audit, CancellationToken cancellationToken)
    {
        var name = update.Name.Trim();
        var description = update.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
        {
            return (new RoleRefusal("Input.Description", "Roles.DescriptionTooLong", MaxDescriptionLength), false);
        }
        if (update.Create && !RoleName().IsMatch(name))
        {
            return (new RoleRefusal("Input.Name", "Roles.NameInvalid"), false);
        }
        // The write transaction starts with the audit entry; the document is read again inside it, and a change made
        // by someone else in between means starting over, so two administrators never overwrite each other's edits.
        for (var attempt = 0; ; attempt++)
        {
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            var read = await session.GetDocumentAsync(DocumentKeys.Roles, cancellationToken) as JsonArray ?? [];
            var roles = read.DeepClone().AsArray();
            var existing = roles.OfType<JsonObject>().FirstOrDefault(r => NameOf(r)?.Equals(name, StringComparison.OrdinalIgnoreCase) == true);
            if (update.Create == (existing is not null))
            {
                return (update.Create ? new RoleRefusal("Input.Name", "Roles.NameTaken", name) : new RoleRefusal("", "Roles.NotFound", name), false);
            }
            var role = existing ?? new JsonObject { ["Name"] = name };
            name = NameOf(role)!;
            var before = Granted(role);
            var after = before.Where(p => !catalog.Contains(p))
                .Concat(update.Permissions.Where(catalog.Contains))
                .Concat(PermissionCatalog.IsAdministrator(name) ? PermissionCatalog.AdministratorKeeps : [])
                .Distinct(StringComparer.Ordinal).ToList();
            var added = after.Except(before, StringComparer.Ordinal).ToList();
            var removed = before.Except(after, StringComparer.Ordinal).ToList();
            var describedBefore = role["Description"] is JsonValue d && d.TryGetValue(out string? text) ? text : "";
            if (!update.Create && added.Count == 0 && removed.Count == 0 && describedBefore == description)
            {
                return (null, false);
            }
            role["Description"] = description;
            role["Permissions"] = new JsonArray(after.Select(p => (JsonNode)JsonValue.Create(p)).ToArray());
            if (existing is null)
            {
                roles.Add(role);
            }
            var updated = RoleDocument.Parse(roles);
            var lost = new[] { Permissions.AccessAdminPanel, Permissions.ManageRoles }
                .FirstOrDefault(p => actor.Has(p) && !RoleDocument.PermissionsOf(updated, actor.Roles).Contains(p));
            if (lost is not null)
            {
                return (new RoleRefusal("Input.Permissions", "Roles.KeepOwn", lost), false);
            }

            await session.Audit().AppendAsync(audit("role:" + name, Detail(update.Create, added, removed, describedBefore != description)), cancellationToken);
            var current = await session.GetDocumentAsync(DocumentKeys.Roles, cancellationToken) as JsonArray ?? [];
            if (!JsonNode.DeepEquals(current, read))
            {
                if (attempt < 3)
                {
                    continue;
                }
                return (new RoleRefusal("", "Roles.Conflict"), false);
            }
            var ordered = roles.OfType<JsonObject>().OrderBy(r => NameOf(r), StringComparer.Ordinal).Select(r => (JsonNode)r.DeepClone()).ToArray();
            await session.SaveDocumentAsync(DocumentKeys.Roles, new JsonArray(ordered), cancellationToken);
            await session.CommitAsync(cancellationToken);
            return (null, true);
        }
    }

    /// <summary>"created: A, B" or "+A, −B, description": what the audit row says changed.</summary>
    private static string Detail(bool created, List<string> added, List<string> removed, bool described)
    {
        if (created)
        {
            return "created: " + string.Join(", ", added);
        }
        var parts = added.Select(p => "+" + p).Concat(removed.Select(p => "−" + p)).ToList();
        if (described)
        {
            parts.Add("description");
        }
        return string.Join(", ", parts);
    }

    private static string? NameOf(JsonObject role) => role["Name"] is JsonValue v && v.TryGetValue(out string? name) ? name : null;

    private static List<string> Granted(JsonObject role) =>
        role["Permissions"] is JsonArray granted
            ? granted.Select(p => p is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>().ToList()
            : [];

    // Role names travel in users' and API clients' role lists and in token claims: plain letters, digits, '-' and '_'.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{1,39}$")]
    private static partial Regex RoleName();
}
