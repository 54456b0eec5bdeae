using Microsoft.AspNetCore.Http;
using Portals.Core.Tenants;

namespace Portals.Core.Content;

/// <summary>
/// Renders an item version as the tenant's public site would show it, marked as a preview. The public themes implement
/// it; the editors' workspace uses it when it is registered and falls back to its own readable page when it is not, so
/// neither module depends on the other. The caller has checked PreviewContent.
/// </summary>
public interface IContentPreview
{
    /// <summary>The page's HTML (UTF-8), ready to send with <c>noindex</c> and <c>no-store</c>.</summary>
    Task<byte[]> RenderAsync(TenantContext tenant, HttpContext http, ContentItem item, CancellationToken cancellationToken);
}
