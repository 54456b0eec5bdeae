using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portals.Contents.Http;
using Portals.Contents.Security;
using Portals.Core.Content;
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
            .RequireAuthorization(ContentPolicies.Read)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        content.MapGet("/by-path/{*path}", GetByPathAsync).WithName("GetContentItemByPath")
            .WithSummary("The published item whose AutoroutePart.Path matches.")
            .RequireAuthorization(ContentPolicies.Read)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult>> GetByIdAsync(
        string contentItemId, string? version, TenantContext tenant, ClaimsPrincipal user,
        IContentStore store, ContentPermissions permissions, CancellationToken cancellationToken)
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
            return ApiProblems.Unauthorized();
        }
        if (latest && !await permissions.HasAsync(user, tenant, Permissions.PreviewContent, cancellationToken))
        {
            return ApiProblems.Forbidden(Permissions.PreviewContent);
        }
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var json = await session.GetJsonAsync(contentItemId, latest ? VersionOptions.Latest : VersionOptions.Published, cancellationToken);
        return json is null
            ? ApiProblems.NotFound($"No {(latest ? "" : "published ")}content item has the id '{contentItemId}'.")
            : new StoredJson<ContentItemDocument>(json, latest ? CachePolicy.NoStore : ApiRequest.ReadCache(user));
    }

    public static async Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult>> GetByPathAsync(
        string? path, TenantContext tenant, ClaimsPrincipal user, IContentStore store, CancellationToken cancellationToken)
    {
        var trimmed = path?.Trim('/') ?? "";
        if (trimmed.Length is 0 or > 1024)
        {
            return ApiProblems.BadRequest("Invalid path.", "Give the item's path after /by-path/, e.g. /by-path/tin-tuc/ky-ket (at most 1024 characters).");
        }
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var json = await session.GetPublishedJsonByPathAsync(trimmed, cancellationToken);
        return json is null
            ? ApiProblems.NotFound($"No published content item has the path '{trimmed}'.")
            : new StoredJson<ContentItemDocument>(json, ApiRequest.ReadCache(user));
    }
}
