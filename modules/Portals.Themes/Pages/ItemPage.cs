using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Themes.Content;
using Portals.Themes.Http;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary>
/// <c>/{t}/{**path}</c>: the published item whose <c>AutoroutePart.Path</c> is the path, with its related items;
/// anything else is the theme's 404 page. <see cref="RenderPreviewAsync"/> renders any item version (a draft) the
/// same way, marked as a preview.
/// </summary>
public static class ItemPage
{
    public static async Task<Results<HtmlPage, ProblemHttpResult>> GetAsync(
        TenantContext tenant, string path, HttpContext http, PublicSite site, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var item = await content.ByPathAsync(path, cancellationToken);
        if (item is null)
        {
            return await site.NotFoundAsync(scope, http);
        }
        var (meta, model) = await BuildAsync(scope, content, item, preview: false, cancellationToken);
        return await site.RenderAsync(scope, "item", ListRoute(item.ContentType), meta, model);
    }

    /// <summary>
    /// A preview of any version of an item (the latest draft, or an editor's unsaved form): rendered by the item
    /// template, marked as a preview, <c>noindex</c> and <c>Cache-Control: no-store</c>. Related items are published ones only.
    /// The caller must have checked the PreviewContent permission.
    /// </summary>
    public static async Task<HtmlPage> RenderPreviewAsync(
        TenantContext tenant, HttpContext http, PublicSite site, ContentItem item, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var (meta, model) = await BuildAsync(scope, content, item, preview: true, cancellationToken);
        return await site.RenderPreviewAsync(scope, meta, model);
    }

    private static async Task<(MetaView, ItemView)> BuildAsync(
        PageScope scope, PublishedContent content, ContentItem item, bool preview, CancellationToken cancellationToken)
    {
        var words = await content.VocabularyAsync(cancellationToken);
        var map = new ItemMapper(scope, words);
        var related = await RelatedItems.LoadAsync(content, map, item, cancellationToken);
        var model = map.Item(item, related.Groups);
        var trail = new List<(string, string?)>();
        if (related.Program is { } program && item.ContentType != ContentTypes.Program)
        {
            trail.Add((ItemMapper.Title(program), program.Path));
        }
        else if (ListRoute(item.ContentType) is { } route)
        {
            trail.Add((ListHeading(item.ContentType, words), route));
        }
        trail.Add((model.Title, null));
        var meta = scope.Meta(model.Title, model.Summary, item.Path ?? "", scope.Crumbs([.. trail]), "article", preview: preview);
        return (meta, model);
    }

    public static string? ListRoute(string type) => type switch
    {
        ContentTypes.InvestmentCall => PublicRoutes.InvestmentCalls,
        ContentTypes.KeyProject => PublicRoutes.KeyProjects,
        ContentTypes.InvestmentEvent => PublicRoutes.Events,
        ContentTypes.Report => PublicRoutes.Reports,
        ContentTypes.News => PublicRoutes.News,
        _ => null,
    };

    private static string ListHeading(string type, Vocabulary words) => type switch
    {
        ContentTypes.InvestmentCall => "Kêu gọi đầu tư",
        ContentTypes.News => "Tin tức",
        _ => words.TypeLabel(type),
    };
}
