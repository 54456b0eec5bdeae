using Microsoft.AspNetCore.Http;
using Portals.Core.Tenants;
using Portals.Themes.Theming;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary>One request's portal: the tenant, its theme and where its URLs point. Builds the header and head view models.</summary>
public sealed class PageScope
{
    private readonly string _origin;

    public PageScope(TenantContext tenant, Theme theme, HttpRequest request, TenantContext? other, Theme? otherTheme)
    {
        Tenant = tenant;
        Theme = theme;
        Other = other;
        OtherTheme = otherTheme;
        _origin = $"{request.Scheme}://{request.Host.Value}";
    }

    public TenantContext Tenant { get; }
    public Theme Theme { get; }
    public TenantContext? Other { get; }
    public Theme? OtherTheme { get; }

    /// <summary>A link on this portal: <c>/{prefix}/{path}</c>, or under <c>PublicBaseUrl</c> when configured.</summary>
    public string Url(string? path) => Tenant.PublicUrl(path);

    /// <summary>An absolute URL (canonical, Open Graph, sitemap).</summary>
    public string Absolute(string? path)
    {
        var url = Tenant.PublicUrl(path);
        return url.StartsWith('/') ? _origin + url : url;
    }

    public SiteView Site(string? current)
    {
        var m = Theme.Manifest;
        LinkView Nav(string label, string path) => new(label, Url(path), current == path);
        return new SiteView(
            Tenant.Name, Tenant.DisplayName, m.ProvinceName, m.LogoText, m.LogoSubtext, m.SectionTitle, m.ThemeColor,
            Url(""), Url(PublicRoutes.Search), Url(PublicRoutes.Stylesheet) + "?v=" + Theme.CssVersion,
            [
                Nav("Trang chủ", ""),
                Nav("Kêu gọi đầu tư", PublicRoutes.InvestmentCalls),
                Nav("Dự án trọng điểm", PublicRoutes.KeyProjects),
                Nav("Sự kiện", PublicRoutes.Events),
                Nav("Báo cáo", PublicRoutes.Reports),
                Nav("Tin tức", PublicRoutes.News),
                Nav("Tìm kiếm", PublicRoutes.Search),
            ],
            [
                new("RSS Tin tức", Url("feeds/news.rss")),
                new("RSS Dự án kêu gọi đầu tư", Url("feeds/investment.rss")),
            ],
            Other is null
                ? new LinkView(Tenant.DisplayName, Url(""))
                : new LinkView(Other.DisplayName, Other.PublicUrl("")));
    }

    public MetaView Meta(string title, string? description, string? path, IReadOnlyList<CrumbView> breadcrumb,
        string ogType = "website", bool noIndex = false, bool preview = false) =>
        new(title,
            string.IsNullOrEmpty(path) ? $"{Theme.Manifest.SectionTitle} – {Tenant.DisplayName}" : $"{title} – {Tenant.DisplayName}",
            Shorten(description ?? Theme.Manifest.SectionTitle, 300),
            Absolute(path),
            ogType,
            Tenant.DisplayName,
            noIndex || preview,
            preview,
            breadcrumb);

    /// <summary>Home, then the given trail; the last crumb is the current page and carries no link.</summary>
    public IReadOnlyList<CrumbView> Crumbs(params (string Label, string? Path)[] trail) =>
        [new CrumbView("Trang chủ", trail.Length == 0 ? null : Url("")),
         .. trail.Select((c, i) => new CrumbView(c.Label, i == trail.Length - 1 || c.Path is null ? null : Url(c.Path)))];

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
