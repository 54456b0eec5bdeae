using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Themes.Content;
using Portals.Themes.Http;

namespace Portals.Themes.Pages;

/// <summary>
/// <c>GET /{t}/preview/{contentItemId}</c>: the latest version (draft included) rendered by the theme, for a caller
/// with PreviewContent by bearer token. The editors' workspace renders the same page through <c>IContentPreview</c>
/// under its own cookie-authenticated route.
/// </summary>
public static class PreviewEndpoint
{
    public static async Task<Results<HtmlPage, ProblemHttpResult>> GetAsync(
        TenantContext tenant, string contentItemId, HttpContext http, PublicSite site, CancellationToken cancellationToken)
    {
        ContentItem? item;
        await using (var content = await site.OpenAsync(tenant, cancellationToken))
        {
            item = await content.LatestAsync(contentItemId, cancellationToken);
        }
        if (item is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy nội dung.",
                detail: $"Không có nội dung '{contentItemId}' trong cổng '{tenant.Name}'.");
        }
        return await ItemPage.RenderPreviewAsync(tenant, http, site, item, cancellationToken);
    }
}
