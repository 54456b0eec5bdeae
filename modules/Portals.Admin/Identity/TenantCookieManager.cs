using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Portals.Core.Tenants;

namespace Portals.Admin.Identity;

/// <summary>
/// Gives the admin cookie a name per tenant (<c>portals.admin.haugiang</c>) and, on a path-prefixed portal, the
/// tenant's path (<c>/haugiang</c>), so one tenant's cookie is never even read by the other. The tenant claim,
/// checked on every request, covers a cookie copied under the other name.
/// </summary>
internal sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, Scoped(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), Scoped(context, options));

    public static string Name(HttpContext context, string key) =>
        $"{key}.{context.Features.Get<TenantFeature>()?.Tenant.Name ?? "none"}";

    private static CookieOptions Scoped(HttpContext context, CookieOptions options)
    {
        if (context.Features.Get<TenantFeature>() is { MatchedByHost: false } feature)
        {
            options.Path = $"{context.Request.PathBase}/{feature.Tenant.UrlPrefix}";
        }
        return options;
    }
}
