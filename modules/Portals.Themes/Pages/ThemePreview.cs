using Microsoft.AspNetCore.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Themes.Pages;

/// <summary>The theme's item page for a draft, offered to the editors' workspace through the core's preview port.</summary>
internal sealed class ThemePreview(PublicSite site) : IContentPreview
{
    public async Task<byte[]> RenderAsync(TenantContext tenant, HttpContext http, ContentItem item, CancellationToken cancellationToken) =>
        (await ItemPage.RenderPreviewAsync(tenant, http, site, item, cancellationToken)).Body;
}
