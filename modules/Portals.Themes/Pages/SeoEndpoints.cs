using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Themes.Content;

namespace Portals.Themes.Pages;

/// <summary><c>/{t}/sitemap.xml</c> (the section's pages and every published routable item, with lastmod) and <c>/{t}/robots.txt</c>.</summary>
public static class SeoEndpoints
{
    /// <summary>The sitemap protocol's limit for one file.</summary>
    public const int MaxUrls = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static async Task<FileContentHttpResult> SitemapAsync(
        TenantContext tenant, HttpContext http, PublicSite site, CancellationToken cancellationToken)
    {
        var scope = site.Scope(tenant, http.Request);
        await using var content = await site.OpenAsync(tenant, cancellationToken);
        var items = await content.RoutableAsync(MaxUrls, cancellationToken);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("urlset", Namespace);
            string[] pages = ["", PublicRoutes.InvestmentCalls, PublicRoutes.KeyProjects, PublicRoutes.Events, PublicRoutes.Reports, PublicRoutes.News];
            foreach (var page in pages)
            {
                WriteUrl(xml, scope.Absolute(page), null);
            }
            foreach (var item in items.Where(i => PublicRoutes.IsItemPath(i.Path)).Take(MaxUrls - pages.Length))
            {
                WriteUrl(xml, scope.Absolute(item.Path), item.ModifiedUtc ?? item.PublishedUtc);
            }
            xml.WriteEndElement();
        }
        http.Response.Headers.CacheControl = "public, no-cache";
        return TypedResults.File(stream.ToArray(), "application/xml; charset=utf-8");
    }

    public static ContentHttpResult Robots(TenantContext tenant, HttpContext http, PublicSite site)
    {
        var scope = site.Scope(tenant, http.Request);
        var prefix = new Uri(scope.Absolute("")).AbsolutePath;
        var text = $"User-agent: *\nAllow: {prefix}\nDisallow: {prefix}{PublicRoutes.Preview}/\nDisallow: {prefix}{PublicRoutes.Search}\n" +
            $"Sitemap: {scope.Absolute(PublicRoutes.Sitemap)}\n";
        http.Response.Headers.CacheControl = "public, no-cache";
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }

    private static void WriteUrl(XmlWriter xml, string location, DateTime? modified)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, location);
        if (modified is { } at)
        {
            xml.WriteElementString("lastmod", Namespace, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }
        xml.WriteEndElement();
    }
}
