using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Recipes;
using Portals.Core.Tenants;
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

    /// <summary>
    /// An item published with a newer draft is exported as two versions (Orchard Core's format: one object per
    /// version) and comes back in a fresh tenant with its public version public and its draft still a draft.
    /// </summary>
    [Fact]
    public async Task ExportImport_PublishedItemWithNewerDraft_FreshTenantKeepsBothVersions()
    {
        var source = factory.Tenant("haugiang");
        var store = factory.Service<IContentStore>();
        await using (var session = await store.OpenAsync(source, default))
        {
            var item = ContentItem.Parse((await session.GetJsonAsync("hg-du-an-ql61c", VersionOptions.Published, default))!);
            item.Title = "Bản nháp chưa duyệt về Quốc lộ 61C";
            await session.SaveAsync(item, SaveMode.Draft, default);
            await session.CommitAsync(default);
        }
        var exported = await factory.Service<RecipeExporter>().ExportAsync(source, default);

        var fresh = FreshTenant("banmoi");
        await factory.Service<TenantDatabase>().MigrateAsync(fresh, default);
        await factory.Service<RecipeExecutor>().ApplyAsync(fresh, Recipe.Parse(exported.ToJsonString(), "export.recipe.json"), default);

        await using (var session = await store.OpenAsync(fresh, default))
        {
            var published = await session.GetAsync("hg-du-an-ql61c", VersionOptions.Published, default);
            var latest = await session.GetAsync("hg-du-an-ql61c", VersionOptions.Latest, default);
            Assert.Equal("Đầu tư giai đoạn 2 đường nối Vị Thanh - Cần Thơ (Quốc lộ 61C)", published!.DisplayText);
            Assert.Equal("Bản nháp chưa duyệt về Quốc lộ 61C", latest!.DisplayText);
            Assert.False(latest.Published);
        }
        var again = await factory.Service<RecipeExporter>().ExportAsync(fresh, default);
        Assert.True(JsonNode.DeepEquals(Step(exported, "content"), Step(again, "content")), Step(again, "content").ToJsonString());
    }

    /// <summary>An item exported without a published version is withdrawn where it is imported, as the export says.</summary>
    [Fact]
    public async Task Import_ItemListedWithoutPublishedVersion_Withdrawn()
    {
        var tenant = factory.Tenant("cantho");
        var store = factory.Service<IContentStore>();
        string draft;
        await using (var session = await store.OpenAsync(tenant, default))
        {
            var item = ContentItem.Parse((await session.GetJsonAsync("ct-du-an-kenh-xa-no", VersionOptions.Latest, default))!);
            item.ContentItemId = "ct-rut-lai";
            item.ContentItemVersionId = null;
            item.Path = "";
            await session.SaveAsync(item, SaveMode.Publish, default);
            await session.CommitAsync(default);
            draft = item.ToJsonString();
        }
        draft = draft.Replace("\"Published\":true", "\"Published\":false", StringComparison.Ordinal);
        var recipe = Recipe.Parse($$"""{ "name": "withdraw", "steps": [ { "name": "content", "data": [ {{draft}} ] } ] }""", "withdraw.recipe.json");
        await factory.Service<RecipeExecutor>().ApplyAsync(tenant, recipe, default);

        await using var check = await store.OpenAsync(tenant, default);
        Assert.Null(await check.GetJsonAsync("ct-rut-lai", VersionOptions.Published, default));
        Assert.NotNull(await check.GetJsonAsync("ct-rut-lai", VersionOptions.Latest, default));
        Assert.Equal(ChangeKinds.Unpublished, (await check.ReadChangesAsync(0, 10_000, default)).Last(c => c.ContentItemId == "ct-rut-lai").Kind);
    }

    /// <summary>A tenant outside the configuration, on the provider under test; dropped with the node's databases.</summary>
    private TenantContext FreshTenant(string name) => TestDatabases.NewTenant(factory.DataPath, name);
}
