using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Definitions;
using Portals.Core.Recipes;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>No service, cache or singleton carries one tenant's data into the other.</summary>
public sealed class TenantIsolationTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task Apply_RecipeToOneTenant_OtherUnchanged()
    {
        var database = factory.Service<TenantDatabase>();
        var cantho = factory.Tenant("cantho");
        var before = await TenantSnapshot.TakeAsync(database, cantho);
        var recipe = Recipe.Parse("""
            { "steps": [
              { "name": "settings", "SiteName": "Chỉ Hậu Giang" },
              { "name": "content", "data": [ { "ContentItemId": "rieng-hau-giang", "ContentType": "NewsArticle",
                "TitlePart": { "Title": "Tin riêng của Hậu Giang" }, "NewsArticle": { "Summary": { "Text": "Riêng" } } } ] } ] }
            """, "one-tenant.recipe.json");
        await factory.Service<RecipeExecutor>().ApplyAsync(factory.Tenant("haugiang"), recipe, default);
        Assert.Equal(before, await TenantSnapshot.TakeAsync(database, cantho));

        await using var session = await factory.Service<IContentStore>().OpenAsync(cantho, default);
        Assert.Null(await session.GetJsonAsync("rieng-hau-giang", VersionOptions.Latest, default));
        Assert.Null(await session.GetPublishedJsonByPathAsync("tin-rieng-cua-hau-giang", default));
        var list = await session.QueryAsync(new ContentQuery(Text: "tin rieng", PageSize: 100), default);
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task ReadBothTenants_Interleaved_EachSeesOnlyItsOwn()
    {
        var store = factory.Service<IContentStore>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (tenant, own, foreign) in new[] { ("haugiang", "hg-du-an-ql61c", "ct-du-an-ql61c"), ("cantho", "ct-du-an-ql61c", "hg-du-an-ql61c") })
            {
                await using var session = await store.OpenAsync(factory.Tenant(tenant), default);
                Assert.NotNull(await session.GetJsonAsync(own, VersionOptions.Published, default));
                Assert.Null(await session.GetJsonAsync(foreign, VersionOptions.Published, default));
                Assert.DoesNotContain((await session.QueryAsync(new ContentQuery(PageSize: 100), default)).Items,
                    json => json.Contains(foreign, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>
    /// Singletons from our assemblies may hold configuration, but no field may hold content, definitions or
    /// documents — the kinds of data one tenant could leak into the other.
    /// </summary>
    [Fact]
    public void Singletons_OurServices_HoldNoTenantData()
    {
        Type[] dataTypes = [typeof(ContentItem), typeof(ContentItemRecord), typeof(JsonNode), typeof(ContentDefinitionSet), typeof(DocumentRecord), typeof(PortalsDbContext)];
        var collection = factory.Services.GetRequiredService<IServiceProviderIsService>();
        Assert.NotNull(collection);
        var offenders = new List<string>();
        foreach (var type in typeof(IContentStore).Assembly.GetTypes().Concat(typeof(Program).Assembly.GetTypes()))
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            {
                var fieldType = field.FieldType;
                var elementTypes = fieldType.IsGenericType ? fieldType.GetGenericArguments() : [fieldType];
                var holdsData = elementTypes.Any(t => dataTypes.Any(d => d.IsAssignableFrom(t)))
                    && (typeof(IEnumerable).IsAssignableFrom(fieldType) || fieldType.IsGenericType);
                if (holdsData && IsSingletonService(type))
                {
                    offenders.Add($"{type.FullName}.{field.Name}");
                }
            }
        }
        Assert.Empty(offenders);
    }

    private bool IsSingletonService(Type type) =>
        factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(type)) is IEnumerable instances && instances.Cast<object>().Any()
        || type.GetInterfaces().Any(i => factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(i)) is IEnumerable all
            && all.Cast<object>().Any(o => o.GetType() == type));
}
