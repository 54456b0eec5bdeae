using System.Text.Json.Nodes;
using Portals.Core.Data;
using Portals.Core.Recipes;
using Portals.Testing;

namespace Portals.Web.Tests;

public sealed class RecipeRoundTripTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private static Recipe Load(string name) => RecipeCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Recipes", name));

    private static JsonArray Step(JsonObject recipe, string name) =>
        recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == name)!.AsObject() switch
        {
            var step when name == "content" => step["data"]!.AsArray(),
            var step => step["ContentTypes"]!.AsArray(),
        };

    [Fact]
    public async Task Export_AfterImport_EqualJsonAndUnknownPartsSurvive()
    {
        var tenant = factory.Tenant("haugiang");
        var recipe = Load("roundtrip.recipe.json");
        await factory.Service<RecipeExecutor>().ApplyAsync(tenant, recipe, default);

        var exported = await factory.Service<RecipeExporter>().ExportAsync(tenant, default);
        var source = JsonNode.Parse(recipe.Root.GetRawText(), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();

        foreach (var item in Step(source, "content"))
        {
            var id = item!["ContentItemId"]!.GetValue<string>();
            var match = Step(exported, "content").Single(i => i!["ContentItemId"]!.GetValue<string>() == id);
            Assert.True(JsonNode.DeepEquals(item, match), $"{id}:\n{item.ToJsonString()}\n!=\n{match!.ToJsonString()}");
        }
        var type = Step(source, "ContentDefinition")[0];
        var exportedType = Step(exported, "ContentDefinition").Single(t => t!["Name"]!.GetValue<string>() == "PartnerNotice");
        Assert.True(JsonNode.DeepEquals(type, exportedType), exportedType!.ToJsonString());
    }

    [Fact]
    public async Task Import_OwnExport_ExportUnchanged()
    {
        var tenant = factory.Tenant("haugiang");
        var exporter = factory.Service<RecipeExporter>();
        var first = await exporter.ExportAsync(tenant, default);
        await factory.Service<RecipeExecutor>().ApplyAsync(tenant, Recipe.Parse(first.ToJsonString(), "export.recipe.json"), default);
        var second = await exporter.ExportAsync(tenant, default);
        Assert.True(JsonNode.DeepEquals(first, second), second.ToJsonString());
    }

    [Fact]
    public async Task Apply_SetupRecipeAgain_ChangesNothing()
    {
        var tenant = factory.Tenant("cantho");
        var database = factory.Service<TenantDatabase>();
        var before = await TenantSnapshot.TakeAsync(database, tenant);
        var recipe = factory.Service<RecipeCatalog>().Find("cantho")!;
        await factory.Service<RecipeExecutor>().ApplyAsync(tenant, recipe, default);
        await factory.Service<RecipeExecutor>().ApplyAsync(tenant, recipe, default);
        Assert.Equal(before, await TenantSnapshot.TakeAsync(database, tenant));
    }
}
