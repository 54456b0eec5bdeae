using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Tenants;

namespace Portals.Contents.Endpoints;

/// <summary>Reference data integrators need to build valid items: type definitions and sector term ids.</summary>
public static class ContentTypes
{
    /// <summary>Created by the shared <c>sectors</c> recipe with the same id in every tenant.</summary>
    public const string SectorTaxonomyId = "sector-taxonomy";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/content-types", GetContentTypesAsync).WithName("GetContentTypes")
            .WithSummary("The content type and part definitions, in Orchard Core's ContentDefinition shape.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/taxonomies/sectors", GetSectorsAsync).WithName("GetSectors")
            .WithSummary("The sector terms with their ids, for the 'sector' filter and TaxonomyField values.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<StoredJson<ContentTypesDocument>> GetContentTypesAsync(
        TenantContext tenant, ClaimsPrincipal user, IContentStore store, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var definitions = ContentDefinitionJson.Write(await session.GetDefinitionsAsync(cancellationToken));
        return new StoredJson<ContentTypesDocument>(definitions.ToJsonString(ContentItem.JsonOptions), ApiRequest.ReadCache(user));
    }

    public static async Task<Results<StoredJson<SectorsDocument>, ProblemHttpResult>> GetSectorsAsync(
        TenantContext tenant, ClaimsPrincipal user, IContentStore store, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var taxonomy = await session.GetAsync(SectorTaxonomyId, VersionOptions.Published, cancellationToken);
        if (taxonomy is null)
        {
            return ApiProblems.NotFound($"This portal has no published '{SectorTaxonomyId}' taxonomy.");
        }
        var terms = (taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(t => new ContentItem(t))
            .Select(t => new SectorTerm(t.ContentItemId, t.DisplayText ?? t.Title ?? t.ContentItemId))
            .ToList();
        var json = JsonSerializer.Serialize(new SectorsDocument(SectorTaxonomyId, terms), ContentItem.JsonOptions);
        return new StoredJson<SectorsDocument>(json, ApiRequest.ReadCache(user));
    }
}
