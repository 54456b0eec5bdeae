using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Contents.Http;
using Portals.Contents.Security;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Security;
using Portals.Core.Tenants;
using Portals.Core.Validation;

namespace Portals.Contents.Endpoints;

/// <summary><c>POST /{t}/api/content</c>: Orchard Core's upsert: merge into the latest version, validate, save, publish unless draft.</summary>
public static class UpsertContent
{
    public static void Map(RouteGroupBuilder content) =>
        content.MapPost("/", UpsertAsync).WithName("UpsertContentItem")
            .WithSummary("Creates or updates an item by ContentItemId (merge semantics); publishes unless ?draft=true.")
            .Accepts<ContentItemDocument>("application/json")
            .RequireAuthorization(ContentPolicies.Edit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .DisableAntiforgery();

    public static async Task<Results<StoredJson<ContentItemDocument>, ProblemHttpResult, ValidationProblem>> UpsertAsync(
        HttpRequest request, bool? draft, TenantContext tenant, ClaimsPrincipal user, IContentStore store,
        ContentPermissions permissions, IOptions<ContentsApiOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var posted = await ApiRequest.ReadJsonObjectAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        ApiRequest.CheckMetadataTypes(posted);
        var id = (posted["ContentItemId"] as JsonValue)?.GetValue<string>();
        if (string.IsNullOrEmpty(id))
        {
            id = ContentIds.New();
            posted["ContentItemId"] = id;
        }
        else if (ApiRequest.CheckId(id) is { } invalid)
        {
            return invalid;
        }
        // The store enforces it (publishing or scheduling needs PublishContent, as in Orchard Core's API controller);
        // the API only says whether this caller holds it.
        var caller = user.ClientId();
        var save = new SaveRequest(draft == true ? SaveMode.Draft : SaveMode.Publish,
            await permissions.HasAsync(user, tenant, Permissions.PublishContent, cancellationToken))
        {
            Caller = caller,
        };
        // The route needs EditOwnContent (which EditContent implies); other callers' items need EditContent.
        var mayEditAny = await permissions.HasAsync(user, tenant, Permissions.EditContent, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            var latestJson = await session.GetJsonAsync(id, VersionOptions.Latest, cancellationToken);
            if (request.Headers.IfMatch.Count > 0 && (latestJson is null || !ETags.Matches(request.Headers.IfMatch, ETags.Compute(latestJson), weak: false)))
            {
                return ApiProblems.PreconditionFailed();
            }
            var previous = latestJson is null ? null : ContentItem.Parse(latestJson);
            if (previous is not null && !mayEditAny && previous.Owner != caller)
            {
                return ApiProblems.Forbidden(Permissions.EditContent);
            }
            var item = previous is null ? new ContentItem((JsonObject)posted.DeepClone()) : Merge(previous.Clone(), posted);
            try
            {
                // The store compares the version merged into with its own read inside the write transaction, so a
                // change committed meanwhile by another request, process or node is never overwritten.
                var saved = await session.SaveAsync(item, save with { Expected = new ExpectedVersion(latestJson) }, cancellationToken);
                foreach (var action in ContentAudit.ForSave(previous, saved))
                {
                    await session.Audit().AppendAsync(ApiAudit.Entry(request.HttpContext, action, saved.ContentItemId, ContentAudit.Detail(saved)), cancellationToken);
                }
                await session.CommitAsync(cancellationToken);
                ContentsLog.Saved(loggers.CreateLogger(typeof(UpsertContent)), saved.ContentItemId, saved.ContentType, tenant.Name, user.ClientId(), saved.Published);
                return new StoredJson<ContentItemDocument>(saved.ToJsonString(), CachePolicy.NoStore);
            }
            catch (ContentConflictException) when (attempt < 3 && request.Headers.IfMatch.Count == 0)
            {
                // Without If-Match the client asked for no particular base version: merge into the new one.
            }
        }
    }

    private static ContentItem Merge(ContentItem latest, JsonObject posted)
    {
        if (posted["ContentType"] is JsonValue type && type.GetValue<string>() != latest.ContentType)
        {
            throw new ContentValidationException([new("ContentType", $"Không thể đổi loại nội dung của một mục đã có (hiện là '{latest.ContentType}').")]);
        }
        JsonMerge.Into(latest.Data, posted);
        return latest;
    }
}
