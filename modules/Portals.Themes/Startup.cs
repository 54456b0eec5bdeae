using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portals.Core.Modules;
using Portals.Core.Security;
using Portals.Core.Tenants;
using Portals.Themes.Http;
using Portals.Themes.Pages;
using Portals.Themes.Rendering;
using Portals.Themes.Theming;

namespace Portals.Themes;

public static class Startup
{
    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    /// <summary>Themes, the page renderer, output caching of public pages and the change-log watcher that turns it over.</summary>
    public static IServiceCollection AddThemesModule(this IServiceCollection services)
    {
        services.AddModuleManifest(Manifest.Value);
        services.AddOptions<ThemesOptions>().BindConfiguration(ThemesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ThemesOptions>, ThemesOptionsValidator>();
        services.AddSingleton<IValidateOptions<PortalsOptions>, TenantThemeValidator>();
        services.AddSingleton<ThemeCatalog>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<PublicSite>();
        services.AddSingleton<Portals.Core.Content.IContentPreview, ThemePreview>();
        services.AddSingleton<PageCacheGenerations>();
        services.AddSingleton<Content.VocabularyCache>();
        services.AddSingleton<PublicPageCachePolicy>();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 64L * 1024 * 1024;
            o.MaximumBodySize = 4L * 1024 * 1024;
        });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<PublicPageCachePolicy>((o, policy) => o.AddPolicy(PublicPageCachePolicy.Name, policy));
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<PublicPathConstraint>(PublicPathConstraint.Name));
        services.AddHostedService<ChangeLogWatcher>();
        return services;
    }

    /// <summary>Output caching, after routing (it reads each endpoint's cache policy).</summary>
    public static IApplicationBuilder UseThemes(this IApplicationBuilder app) => app.UseOutputCache();

    public static IEndpointRouteBuilder MapThemesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapTenantGroup();
        pages.ExcludeFromDescription();
        void Cached(string pattern, Delegate handler) => pages.MapMethods(pattern, GetOrHead, handler).CacheOutput(PublicPageCachePolicy.Name);

        Cached("/", HomePage.GetAsync);
        Cached("/" + PublicRoutes.InvestmentCalls, InvestmentCallsPage.GetAsync);
        Cached("/" + PublicRoutes.KeyProjects, ListPages.KeyProjectsAsync);
        Cached("/" + PublicRoutes.Events, ListPages.EventsAsync);
        Cached("/" + PublicRoutes.Reports, ListPages.ReportsAsync);
        Cached("/" + PublicRoutes.News, ListPages.NewsAsync);
        Cached("/" + PublicRoutes.Sitemap, SeoEndpoints.SitemapAsync);
        Cached("/" + PublicRoutes.Robots, SeoEndpoints.Robots);
        Cached("/{**path:" + PublicPathConstraint.Name + "}", ItemPage.GetAsync);
        pages.MapMethods("/" + PublicRoutes.Stylesheet, GetOrHead, AssetEndpoints.Stylesheet);
        // Mixes both tenants' content and filters hits against the store: never output-cached.
        pages.MapMethods("/" + PublicRoutes.Search, GetOrHead, SearchPage.GetAsync);
        pages.MapGet("/" + PublicRoutes.Preview + "/{contentItemId}", PreviewEndpoint.GetAsync)
            .RequireAuthorization(Permissions.Policy(Permissions.PreviewContent));
        return endpoints;
    }
}
