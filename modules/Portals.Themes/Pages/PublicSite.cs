using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Themes.Content;
using Portals.Themes.Http;
using Portals.Themes.Rendering;
using Portals.Themes.Theming;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary>What every page handler shares: the request's scope (tenant and theme) and the render step.</summary>
public sealed class PublicSite(ThemeCatalog catalog, TenantRegistry registry, PageRenderer renderer, IContentStore store, VocabularyCache vocabulary)
{
    /// <summary>One store session for the request, with the tenant's vocabulary cached across requests.</summary>
    public Task<PublishedContent> OpenAsync(TenantContext tenant, CancellationToken cancellationToken) =>
        PublishedContent.OpenAsync(store, tenant, cancellationToken, vocabulary);

    public PageScope Scope(TenantContext tenant, HttpRequest request)
    {
        var other = registry.All.FirstOrDefault(t => !string.Equals(t.Name, tenant.Name, StringComparison.OrdinalIgnoreCase));
        return new PageScope(tenant, catalog.Get(tenant.Options.Theme), request, other, other is null ? null : catalog.Find(other.Options.Theme));
    }

    /// <summary>The short province name of a tenant ("Hậu Giang"), from its theme; search results are labelled with it.</summary>
    public string ProvinceName(string tenantName) =>
        registry.Find(tenantName) is { } tenant
            ? catalog.Find(tenant.Options.Theme)?.Manifest.ProvinceName ?? tenant.DisplayName
            : tenantName;

    public async Task<HtmlPage> RenderAsync(PageScope scope, string template, string? nav, MetaView meta, object model) =>
        HtmlPage.Ok(await renderer.RenderAsync(scope.Theme, template, scope.Site(nav), meta, model));

    public async Task<HtmlPage> RenderPreviewAsync(PageScope scope, MetaView meta, ItemView model) =>
        HtmlPage.ForPreview(await renderer.RenderAsync(scope.Theme, "item", scope.Site(null), meta, model));

    /// <summary>
    /// A browser (Accept: text/html) gets the theme's 404 page with the search box; an API client keeps getting a
    /// problem document, as every other unknown URL answers.
    /// </summary>
    public async Task<Results<HtmlPage, ProblemHttpResult>> NotFoundAsync(PageScope scope, HttpContext http)
    {
        if (!AcceptsHtml(http.Request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy trang.",
                detail: $"Không có trang nào tại '{http.Request.Path}'.");
        }
        var path = http.Request.Path.Value ?? "";
        var prefix = "/" + scope.Tenant.UrlPrefix + "/";
        var relative = path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path[prefix.Length..] : "";
        var meta = scope.Meta("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được gỡ bỏ.", relative,
            scope.Crumbs(("Không tìm thấy trang", null)), noIndex: true);
        var model = new NotFoundView(path,
        [
            new("Trang chủ chuyên mục", scope.Url("")),
            new("Dự án kêu gọi đầu tư", scope.Url(PublicRoutes.InvestmentCalls)),
            new("Dự án trọng điểm", scope.Url(PublicRoutes.KeyProjects)),
            new("Tin tức", scope.Url(PublicRoutes.News)),
        ]);
        return HtmlPage.NotFound(await renderer.RenderAsync(scope.Theme, "notfound", scope.Site(null), meta, model));
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types)
        && types.Any(t => t.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
