namespace Portals.Themes.Pages;

/// <summary>The public URL segments under <c>/{tenant}/</c>. Item paths cannot start with a reserved segment.</summary>
public static class PublicRoutes
{
    public const string InvestmentCalls = "keu-goi-dau-tu";
    public const string KeyProjects = "du-an-trong-diem";
    public const string Events = "su-kien";
    public const string News = "tin-tuc";
    public const string Reports = "bao-cao";
    public const string Search = "tim-kiem";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";
    public const string Stylesheet = "assets/site.css";
    public const string Preview = "preview";

    /// <summary>
    /// First segments owned by other modules (API, feeds, token endpoint, health, admin, media): the item route never
    /// answers them, so an unknown API URL stays an API 404, not a themed page.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "feeds", "connect", "health", "admin", "media", "openapi", "api-docs", "assets", Preview,
    };

    /// <summary>Pages of the module itself: an item whose path is one of these is shadowed by the page.</summary>
    public static readonly IReadOnlySet<string> Pages = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        InvestmentCalls, KeyProjects, Events, News, Reports, Search, Sitemap, Robots,
    };

    /// <summary>Whether an item with this path is reachable at <c>/{tenant}/{path}</c>.</summary>
    public static bool IsItemPath(string? path) => !string.IsNullOrEmpty(path) && !IsReservedPath(path) && !Pages.Contains(path);

    public static bool IsReservedPath(string? path)
    {
        var value = path ?? "";
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return Reserved.Contains(slash < 0 ? value : value[..slash]);
    }
}
