using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Data;
using Portals.Core.Definitions;
using Portals.Core.Modules;

namespace Portals.Core.Recipes;

/// <summary>
/// <c>{"name":"feature","enable":[…]}</c>: applies each module's own recipe (its content types), dependencies first.
/// Every compiled module serves every tenant, so nothing records which were enabled, and disabling is refused
/// rather than silently ignored.
/// </summary>
public sealed class FeatureStep(ModuleCatalog catalog) : IRecipeStepHandler
{
    public string Name => "feature";

    public async Task ExecuteAsync(RecipeContext context, RecipeStep step, CancellationToken cancellationToken)
    {
        if (Strings(step, "disable") is { Count: > 0 } disabled)
        {
            throw new RecipeStepException($"Không hỗ trợ tắt tính năng ({string.Join(", ", disabled)}): mọi mô-đun đều phục vụ mọi cổng.");
        }
        foreach (var manifest in catalog.WithDependencies(Strings(step, "enable")))
        {
            if (RecipeCatalog.FeatureRecipe(manifest) is { } recipe)
            {
                await context.RunNestedAsync(recipe, cancellationToken);
            }
        }
    }

    private static List<string> Strings(RecipeStep step, string property) =>
        Recipe.Property(step.Data, property) switch
        {
            null => [],
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e =>
                e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new RecipeStepException($"'{property}' chỉ chứa tên tính năng (chuỗi).")).ToList(),
            _ => throw new RecipeStepException($"'{property}' phải là một mảng."),
        };
}

/// <summary>Orchard Core's <c>ContentDefinition</c> step: types and parts replace those of the same name.</summary>
public sealed class ContentDefinitionStep : IRecipeStepHandler
{
    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeContext context, RecipeStep step, CancellationToken cancellationToken)
    {
        var incoming = ContentDefinitionJson.Read(step.Data);
        var current = await context.Session.GetDefinitionsAsync(cancellationToken);
        await context.Session.SaveDefinitionsAsync(current.Merge(incoming), cancellationToken);
    }
}

/// <summary><c>{"name":"settings", …}</c>: every property but <c>name</c> is merged into the site settings.</summary>
public sealed class SettingsStep : IRecipeStepHandler
{
    public string Name => "settings";

    public async Task ExecuteAsync(RecipeContext context, RecipeStep step, CancellationToken cancellationToken)
    {
        var site = await context.Session.GetDocumentAsync(DocumentKeys.Site, cancellationToken) as JsonObject ?? [];
        foreach (var property in step.Data.EnumerateObject().Where(p => !p.Name.Equals("name", StringComparison.OrdinalIgnoreCase)))
        {
            site[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }
        await context.Session.SaveDocumentAsync(DocumentKeys.Site, site, cancellationToken);
    }
}

/// <summary><c>{"name":"Roles","Roles":[{Name, Description, Permissions}]}</c>: roles are replaced by name.</summary>
public sealed class RolesStep : IRecipeStepHandler
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeContext context, RecipeStep step, CancellationToken cancellationToken)
    {
        if (Recipe.Property(step.Data, "Roles") is not { ValueKind: JsonValueKind.Array } roles)
        {
            throw new RecipeStepException("'Roles' phải là một mảng vai trò.");
        }
        var stored = await context.Session.GetDocumentAsync(DocumentKeys.Roles, cancellationToken) as JsonArray ?? [];
        var byName = stored.OfType<JsonObject>().ToDictionary(r => r["Name"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var role in roles.EnumerateArray())
        {
            if (Recipe.Property(role, "Name") is not { ValueKind: JsonValueKind.String } name || string.IsNullOrWhiteSpace(name.GetString()))
            {
                throw new RecipeStepException("Mỗi vai trò cần có 'Name'.");
            }
            byName[name.GetString()!] = (JsonObject)JsonNode.Parse(role.GetRawText())!;
        }
        var ordered = new JsonArray(byName.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (JsonNode)p.Value.DeepClone()).ToArray());
        await context.Session.SaveDocumentAsync(DocumentKeys.Roles, ordered, cancellationToken);
    }
}

/// <summary><c>{"name":"recipes","Values":[{"executionid":…,"name":…}]}</c>: runs other recipes in the same transaction.</summary>
public sealed class RecipesStep(RecipeCatalog catalog) : IRecipeStepHandler
{
    public string Name => "recipes";

    public async Task ExecuteAsync(RecipeContext context, RecipeStep step, CancellationToken cancellationToken)
    {
        if (Recipe.Property(step.Data, "Values") is not { ValueKind: JsonValueKind.Array } values)
        {
            throw new RecipeStepException("'Values' phải là một mảng.");
        }
        foreach (var value in values.EnumerateArray())
        {
            var name = Recipe.Property(value, "name")?.GetString() ?? throw new RecipeStepException("Mỗi mục trong 'Values' cần có 'name'.");
            var recipe = catalog.Find(name) ?? throw new RecipeStepException($"Không tìm thấy công thức '{name}' trong {catalog.Folder}.");
            await context.RunNestedAsync(recipe, cancellationToken);
        }
    }
}
