using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portals.Contents.Http;
using Portals.Contents.Security;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Contents.Endpoints;

/// <summary>Publication changes and deletion. Each honours If-Match against the latest version's ETag.</summary>
public static class PublishContent
{
    public static void Map(RouteGroupBuilder content)
    {
        content.MapPost("/{contentItemId}/publish", PublishAsync).WithName("PublishContentItem")
            .WithSummary("Publishes the latest version.").RequireAuthorization(ContentPolicies.Publish).WithWriteProblems();
        content.MapPost("/{contentItemId}/unpublish", UnpublishAsync).WithName("UnpublishContentItem")
            .WithSummary("Withdraws the published version; the item stays as a draft.").RequireAuthorization(ContentPolicies.Publish).WithWriteProblems();
        content.MapDelete("/{contentItemId}", DeleteAsync).WithName("DeleteContentItem")
            .WithSummary("Removes the item and all its versions.").RequireAuthorization(ContentPolicies.Delete).WithWriteProblems();
    }

    public static Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult>> PublishAsync(
        string contentItemId, HttpRequest request, TenantContext tenant, IContentStore store, CancellationToken cancellationToken) =>
        ChangeAsync(contentItemId, request, tenant, store, AuditActions.ContentPublished,
            async (session, expected) => await session.PublishAsync(contentItemId, expected, cancellationToken) is not null, cancellationToken);

    public static Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult>> UnpublishAsync(
        string contentItemId, HttpRequest request, TenantContext tenant, IContentStore store, CancellationToken cancellationToken) =>
        ChangeAsync(contentItemId, request, tenant, store, AuditActions.ContentUnpublished,
            (session, expected) => session.UnpublishAsync(contentItemId, expected, cancellationToken), cancellationToken);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string contentItemId, HttpRequest request, TenantContext tenant, IContentStore store, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(contentItemId, request, tenant, store, AuditActions.ContentDeleted,
            (session, expected) => session.DeleteAsync(contentItemId, expected, cancellationToken), cancellationToken);
        return result.Result is ProblemHttpResult problem ? problem : TypedResults.NoContent();
    }

    /// <summary>Applies the change and its audit entry (<paramref name="action"/>) in one transaction.</summary>
    private static async Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult>> ChangeAsync(
        string contentItemId, HttpRequest request, TenantContext tenant, IContentStore store, string action,
        Func<IContentSession, ExpectedVersion?, Task<bool>> change, CancellationToken cancellationToken)
    {
        if (ApiRequest.CheckId(contentItemId) is { } invalid)
        {
            return invalid;
        }
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var latest = await session.GetJsonAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return ApiProblems.NotFound($"No content item has the id '{contentItemId}'.");
        }
        if (request.Headers.IfMatch.Count > 0 && !ETags.Matches(request.Headers.IfMatch, ETags.Compute(latest), weak: false))
        {
            return ApiProblems.PreconditionFailed();
        }
        // With If-Match, the store checks again inside its write transaction (a 412 from the central mapping when
        // another process changed the item meanwhile); without it, the change applies to whatever is latest.
        await change(session, request.Headers.IfMatch.Count > 0 ? new ExpectedVersion(latest) : null);
        await session.Audit().AppendAsync(ApiAudit.Entry(request.HttpContext, action, contentItemId, ContentAudit.Detail(ContentItem.Parse(latest))), cancellationToken);
        await session.CommitAsync(cancellationToken);
        // Read back inside the same session: after a delete there is nothing, and the caller only gets 204.
        var after = await session.GetJsonAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        return new StoredJson<ContentItemDocument>(after ?? "{}", CachePolicy.NoStore);
    }

    private static RouteHandlerBuilder WithWriteProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
