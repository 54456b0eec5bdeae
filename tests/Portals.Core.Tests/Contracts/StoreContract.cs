using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Core.Tests.Contracts;

/// <summary>
/// The base of every storage contract suite: two fresh tenants, each with the test definitions and the sector
/// taxonomy, over the implementation <typeparamref name="THarness"/> provides.
/// </summary>
public abstract class StoreContract<THarness> : IAsyncLifetime where THarness : StoreHarness, new()
{
    protected THarness Harness { get; } = new();
    protected IContentStore Store => Harness.Store;
    protected TenantContext TenantA => Harness.TenantA;
    protected TenantContext TenantB => Harness.TenantB;

    public async Task InitializeAsync()
    {
        await Harness.CreateTenantsAsync();
        foreach (var tenant in new[] { TenantA, TenantB })
        {
            await InSession(tenant, async s =>
            {
                await s.SaveDefinitionsAsync(TestDefinitions.Set, default);
                return await s.SaveAsync(SectorTaxonomy(), SaveRequest.Import, default);
            });
        }
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    protected async Task<T> InSession<T>(TenantContext tenant, Func<IContentSession, Task<T>> work)
    {
        await using var session = await Store.OpenAsync(tenant, default);
        var result = await work(session);
        await session.CommitAsync(default);
        return result;
    }

    protected Task<T> InSession<T>(Func<IContentSession, Task<T>> work) => InSession(TenantA, work);

    protected Task<ContentItem> SaveAsync(ContentItem item, SaveMode mode) => InSession(s => s.SaveAsync(item, mode, default));

    protected Task<ContentItem> SaveAsync(ContentItem item, SaveRequest request) => InSession(s => s.SaveAsync(item, request, default));

    protected Task<string?> LatestJsonAsync(string id) => InSession(s => s.GetJsonAsync(id, VersionOptions.Latest, default));

    protected Task<string?> PublishedJsonAsync(string id) => InSession(s => s.GetJsonAsync(id, VersionOptions.Published, default));

    protected static ContentItem Offer(string id, string title, string location = "Vị Thanh") => new(new JsonObject
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Offer",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["AutoroutePart"] = new JsonObject { ["Path"] = "" },
        ["Offer"] = new JsonObject
        {
            ["Location"] = new JsonObject { ["Text"] = location },
            ["Sector"] = new JsonObject { ["TaxonomyContentItemId"] = "sector-taxonomy", ["TermContentItemIds"] = new JsonArray("sector-giao-thong") },
        },
    });

    /// <summary>The offer's own part, to set a field: <c>Part(item)["AreaHa"] = …</c>.</summary>
    protected static JsonObject Part(ContentItem item) => item.GetOrCreatePart("Offer");

    protected static ContentItem Scheduled(ContentItem item, DateTime atUtc)
    {
        item.Data["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = atUtc.ToString("O") };
        return item;
    }

    /// <summary>Orchard Core's shape: terms inside the taxonomy item, child terms inside their parent.</summary>
    protected static ContentItem SectorTaxonomy() => new(new JsonObject
    {
        ["ContentItemId"] = "sector-taxonomy",
        ["ContentType"] = "Taxonomy",
        ["Published"] = true,
        ["TitlePart"] = new JsonObject { ["Title"] = "Lĩnh vực" },
        ["TaxonomyPart"] = new JsonObject
        {
            ["TermContentType"] = "Sector",
            ["Terms"] = new JsonArray(
                Term("sector-giao-thong", "Giao thông vận tải", Term("sector-giao-thong-thuy", "Giao thông thủy")),
                Term("sector-y-te", "Y tế")),
        },
    });

    private static JsonObject Term(string id, string title, params JsonObject[] children)
    {
        var term = new JsonObject { ["ContentItemId"] = id, ["ContentType"] = "Sector", ["TitlePart"] = new JsonObject { ["Title"] = title } };
        if (children.Length > 0)
        {
            term["Terms"] = new JsonArray(children.Select(c => (JsonNode)c).ToArray());
        }
        return term;
    }
}
