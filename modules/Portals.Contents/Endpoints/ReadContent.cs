using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Http;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Contents.Endpoints;

/// <summary>Single-item reads: by id (published, or latest with preview permission) and by Autoroute path.</summary>
public static class ReadContent
{
    public static void Map(RouteGroupBuilder content)
    {
        content.MapGet("/{contentItemId}", GetByIdAsync).WithName("GetContentItem")
            .WithSummary("The published version of an item; ?version=latest needs PreviewContent.")
            .WithParameterDoc(ApiRequest.IdDoc, new ApiParameterDoc("version") { Values = ["published", "latest"], Description = "published (the default) or latest (needs PreviewContent)." })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        // The path is a query value: as a path segment it would need its slashes escaped (which routing keeps
        // escaped), and /by-path/{path} would be ambiguous with /{contentItemId}/publish for client generators.
        content.MapGet("/by-path", GetByPathAsync).WithName("GetContentItemByPath")
            .WithSummary("The published item whose AutoroutePart.Path matches.")
            .WithParameterDoc(new ApiParameterDoc("path") { Description = "The item's path, e.g. tin-tuc/ky-ket (at most 1024 characters)." })
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The first form, kept for the clients that use it.
        content.MapGet("/by-path/{*path}", GetByPathAsync).ExcludeFromDescription();
    }

    public static async Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult>> GetByIdAsync(
        string contentItemId, string? version, TenantContext tenant, ClaimsPrincipal user, HttpResponse response,
        IContentStore store, PublishedReadCache cache, ContentPermissions permissions, CancellationToken cancellationToken)
    {
        if (ApiRequest.CheckId(contentItemId) is { } invalid)
        {
            return invalid;
        }
        var latest = false;
        if (version is not null)
        {
            if (!version.Equals("latest", StringComparison.OrdinalIgnoreCase) && !version.Equals("published", StringComparison.OrdinalIgnoreCase))
            {
                return ApiProblems.BadRequest("Invalid version.", "'version' is 'published' (the default) or 'latest'.");
            }
            latest = version.Equals("latest", StringComparison.OrdinalIgnoreCase);
        }
        if (latest && !user.IsAuthenticated())
        {
            response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Unauthorized();
        }
        if (latest && !await permissions.HasAsync(user, tenant, Permissions.PreviewContent, cancellationToken))
        {
            return ApiProblems.Forbidden(Permissions.PreviewContent);
        }
        if (latest)
        {
            await using var preview = await store.OpenAsync(tenant, cancellationToken);
            return await preview.GetJsonAsync(contentItemId, VersionOptions.Latest, cancellationToken) is { } draft
                ? new StoredJson<ContentItemDocument>(draft, CachePolicy.NoStore)
                : ApiProblems.NotFound($"No content item has the id '{contentItemId}'.");
        }
        var key = "id:" + contentItemId;
        if (!cache.TryGet(tenant.Name, key, out var json, out var stamp))
        {
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            if (await session.GetJsonAsync(contentItemId, VersionOptions.Published, cancellationToken) is not { } stored)
            {
                return ApiProblems.NotFound($"No published content item has the id '{contentItemId}'.");
            }
            json = CachedBody.From(stored);
            cache.Set(stamp, key, json);
        }
        return new StoredJson<ContentItemDocument>(json!, ApiRequest.ReadCache(user));
    }

    public static async Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult>> GetByPathAsync(
        string? path, TenantContext tenant, ClaimsPrincipal user, IContentStore store, PublishedReadCache cache, CancellationToken cancellationToken)
    {
        var trimmed = path?.Trim('/') ?? "";
        if (trimmed.Length is 0 or > 1024)
        {
            return ApiProblems.BadRequest("Invalid path.", "Give the item's path: /by-path?path=tin-tuc/ky-ket (at most 1024 characters).");
        }
        var key = "path:" + trimmed.ToLowerInvariant();
        if (!cache.TryGet(tenant.Name, key, out var json, out var stamp))
        {
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            if (await session.GetPublishedJsonByPathAsync(trimmed, cancellationToken) is not { } stored)
            {
                return ApiProblems.NotFound($"No published content item has the path '{trimmed}'.");
            }
            json = CachedBody.From(stored);
            cache.Set(stamp, key, json);
        }
        return new StoredJson<ContentItemDocument>(json!, ApiRequest.ReadCache(user));
    }
}
