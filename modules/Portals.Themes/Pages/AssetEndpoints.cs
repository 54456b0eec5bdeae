using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Portals.Core.Tenants;
using Portals.Themes.Theming;

namespace Portals.Themes.Pages;

/// <summary><c>/{t}/assets/site.css</c>: the shared base stylesheet plus the tenant's theme; pages link it with a content hash, so it is immutable.</summary>
public static class AssetEndpoints
{
    public static FileContentHttpResult Stylesheet(TenantContext tenant, HttpContext http, ThemeCatalog catalog)
    {
        var theme = catalog.Get(tenant.Options.Theme);
        var versioned = http.Request.Query["v"] == theme.CssVersion;
        http.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "public, no-cache";
        return TypedResults.File(theme.Css, "text/css; charset=utf-8", entityTag: new EntityTagHeaderValue($"\"{theme.CssVersion}\""));
    }
}
