using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Definitions;
using Portals.Core.Tenants;
using Portals.Core.Validation;

namespace Portals.Core.Recipes;

/// <summary>
/// Writes a tenant's definitions, settings, roles and content back as a recipe. The content step holds one object per
/// version, as Orchard Core's does: an item published with a newer draft gives its published version, then its draft.
/// </summary>
public sealed class RecipeExporter(IContentStore store)
{
    public async Task<JsonObject> ExportAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var steps = new JsonArray();
        var definitionSet = await session.GetDefinitionsAsync(cancellationToken);
        var definitions = ContentDefinitionJson.Write(definitionSet);
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
        var versions = await session.ListCurrentVersionsAsync(cancellationToken);
        // Taxonomies first: importing an item checks that its terms exist in their taxonomy.
        var ordered = versions.OrderBy(v => definitionSet.FindType(v.ContentType)?.HasPart("TaxonomyPart") == true ? 0 : 1);
        steps.Add(new JsonObject
        {
            ["name"] = "content",
            ["data"] = new JsonArray(ordered.Select(Exported(definitionSet)).ToArray()),
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

    /// <summary>Items stored before HTML was sanitized on write leave sanitized too.</summary>
    private static Func<ContentItem, JsonNode> Exported(ContentDefinitionSet definitions) => item =>
    {
        HtmlPolicy.SanitizeItem(item, definitions);
        return item.ToOrderedJson();
    };
}
