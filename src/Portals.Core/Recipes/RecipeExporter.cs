using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Definitions;
using Portals.Core.Tenants;

namespace Portals.Core.Recipes;

/// <summary>Writes a tenant's features, definitions, settings, roles and latest content back as a recipe.</summary>
public sealed class RecipeExporter(IContentStore store)
{
    public async Task<JsonObject> ExportAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var steps = new JsonArray();
        if (await session.GetDocumentAsync(DocumentKeys.Features, cancellationToken) is JsonArray features)
        {
            steps.Add(new JsonObject { ["name"] = "feature", ["enable"] = features });
        }
        var definitions = ContentDefinitionJson.Write(await session.GetDefinitionsAsync(cancellationToken));
        definitions.Insert(0, "name", "ContentDefinition");
        steps.Add(definitions);
        if (await session.GetDocumentAsync(DocumentKeys.Site, cancellationToken) is JsonObject site)
        {
            site.Insert(0, "name", "settings");
            steps.Add(site);
        }
        if (await session.GetDocumentAsync(DocumentKeys.Roles, cancellationToken) is JsonArray roles)
        {
            steps.Add(new JsonObject { ["name"] = "Roles", ["Roles"] = roles });
        }
        var items = await session.ListLatestAsync(cancellationToken);
        steps.Add(new JsonObject
        {
            ["name"] = "content",
            ["data"] = new JsonArray(items.Select(i => (JsonNode)i.ToOrderedJson()).ToArray()),
        });
        return new JsonObject
        {
            ["name"] = tenant.Name + "-export",
            ["displayName"] = tenant.DisplayName,
            ["description"] = $"Export of tenant '{tenant.Name}'.",
            ["author"] = "Portals",
            ["website"] = "",
            ["version"] = "1.0.0",
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray("export"),
            ["tags"] = new JsonArray(),
            ["steps"] = steps,
        };
    }
}
