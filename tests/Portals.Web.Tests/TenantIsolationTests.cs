using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Definitions;
using Portals.Core.Modules;
using Portals.Core.Recipes;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>No service, cache or singleton carries one tenant's data into the other.</summary>
public sealed class TenantIsolationTests(RegistrationsFactory factory) : IClassFixture<RegistrationsFactory>
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
    /// Singletons from every Portals.* assembly (host, core and each module) may hold configuration, but no field may
    /// reach content, definitions, documents or served JSON, directly, inside a collection, or through our own types'
    /// fields: the kinds of data one tenant could leak into the other. The documented exceptions (ARCHITECTURE.md) are
    /// listed, and the scan must find each, which shows the scan can see such data. A singleton that only references a
    /// documented cache (to read through it) is not an offender itself.
    /// </summary>
    [Fact]
    public void Singletons_EveryPortalsAssembly_HoldNoTenantDataButTheDocumentedCache()
    {
        var assemblies = OurAssemblies();
        foreach (var module in factory.Service<ModuleCatalog>().All)
        {
            Assert.Contains(module.Id, assemblies.Select(a => a.GetName().Name));
        }
        var singletons = factory.Registrations
            .Where(d => d.Lifetime == ServiceLifetime.Singleton)
            .Select(d => ImplementationType(d))
            .Where(t => t is not null && assemblies.Contains(t.Assembly))
            .Distinct()
            .ToList();
        Assert.All(DocumentedCaches, cache => Assert.Contains(cache, singletons));

        var offenders = singletons.Where(t => Fields(t!).Any(f => HoldsData(f.FieldType, [.. DocumentedCaches.Except([t!])])))
            .Select(t => t!.FullName).Order().ToList();
        Assert.Equal(DocumentedCaches.Select(t => t.FullName).Order(), offenders);
    }

    private static readonly Type[] DocumentedCaches = [typeof(PublishedReadCache), typeof(Portals.Themes.Content.VocabularyCache)];

    private static readonly Type[] DataTypes =
    [
        typeof(ContentItem), typeof(ContentItemRecord), typeof(JsonNode), typeof(System.Text.Json.JsonElement), typeof(System.Text.Json.JsonDocument),
        typeof(ContentDefinitionSet), typeof(DocumentRecord), typeof(PortalsDbContext), typeof(ContentPage), typeof(CachedBody),
    ];

    /// <summary>Portals.Web and every Portals.* assembly it references: the host, the core and each module.</summary>
    private static HashSet<Assembly> OurAssemblies()
    {
        var web = typeof(Program).Assembly;
        var ours = web.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("Portals.", StringComparison.Ordinal)).Select(Assembly.Load).ToHashSet();
        ours.Add(web);
        return ours;
    }

    private Type? ImplementationType(ServiceDescriptor descriptor) =>
        descriptor.IsKeyedService
            ? descriptor.KeyedImplementationType ?? descriptor.KeyedImplementationInstance?.GetType()
            : descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType()
                ?? (descriptor.ImplementationFactory is not null && !descriptor.ServiceType.IsGenericTypeDefinition
                    ? factory.Services.GetService(descriptor.ServiceType)?.GetType() : null);

    /// <summary>Instance fields of the type and of its base types, private ones included.</summary>
    private static IEnumerable<FieldInfo> Fields(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static bool HoldsData(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || typeof(Delegate).IsAssignableFrom(type) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.DbContextOptions<>))
        {
            // Delegates hold behaviour, and EF's options name the context type without holding one.
            return false;
        }
        if (DataTypes.Any(d => d.IsAssignableFrom(type)))
        {
            return true;
        }
        if (type.IsArray)
        {
            return HoldsData(type.GetElementType()!, seen);
        }
        if (type.IsGenericType && type.GetGenericArguments().Any(a => HoldsData(a, seen)))
        {
            return true;
        }
        return type.Assembly.GetName().Name!.StartsWith("Portals.", StringComparison.Ordinal) && Fields(type).Any(f => HoldsData(f.FieldType, seen));
    }
}

/// <summary>The portals host, keeping the service registrations so that a test can tell singletons from the rest.</summary>
public sealed class RegistrationsFactory : PortalsFactory
{
    public IEnumerable<ServiceDescriptor> Registrations { get; private set; } = [];

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Runs last, so every module's registrations are in the collection by the time the host is built from it.
        builder.ConfigureServices(services => Registrations = services);
    }
}
