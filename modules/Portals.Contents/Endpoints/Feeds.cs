using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Contents.Endpoints;

/// <summary>RSS 2.0 feeds of the latest 50 published items, for partner sites that syndicate rather than call the API.</summary>
public static class Feeds
{
    public const int Size = 50;

    public static void Map(RouteGroupBuilder tenantGroup)
    {
        tenantGroup.MapGet("/feeds/news.rss", (TenantContext tenant, HttpContext http, IContentStore store, CancellationToken ct) =>
                FeedAsync(tenant, http, store, "NewsArticle", "Tin tức", ct))
            .WithName("NewsFeed").WithSummary("RSS 2.0: the latest 50 published news articles.").Configure();
        tenantGroup.MapGet("/feeds/investment.rss", (TenantContext tenant, HttpContext http, IContentStore store, CancellationToken ct) =>
                FeedAsync(tenant, http, store, "InvestmentCall", "Dự án kêu gọi đầu tư", ct))
            .WithName("InvestmentFeed").WithSummary("RSS 2.0: the latest 50 published investment calls.").Configure();
    }

    public static async Task<FileContentHttpResult> FeedAsync(
        TenantContext tenant, HttpContext http, IContentStore store, string contentType, string title, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var page = await session.QueryAsync(new ContentQuery(contentType, PageSize: Size), cancellationToken);
        var bytes = Render(tenant, title, page.Items.Select(ContentItem.Parse).ToList());
        http.Response.Headers.CacheControl = http.User.IsAuthenticated()
            ? "private, no-cache"
            : $"public, max-age={tenant.Options.CacheMaxAgeSeconds}";
        return TypedResults.Bytes(bytes, "application/rss+xml; charset=utf-8", entityTag: EntityTagHeaderValue.Parse(ETags.Compute(bytes)));
    }

    internal static RouteHandlerBuilder Configure(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status200OK, contentType: "application/rss+xml")
        .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static byte[] Render(TenantContext tenant, string title, IReadOnlyList<ContentItem> items)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", $"{tenant.DisplayName} – {title}");
            xml.WriteElementString("link", tenant.PublicUrl(""));
            xml.WriteElementString("description", $"{title} – {tenant.DisplayName}");
            xml.WriteElementString("language", "vi-VN");
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.DisplayText ?? item.ContentItemId);
                xml.WriteElementString("link", tenant.PublicUrl(item.Path));
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(item.ContentItemId);
                xml.WriteEndElement();
                if (item.PublishedUtc is { } published)
                {
                    xml.WriteElementString("pubDate", published.ToString("R", CultureInfo.InvariantCulture));
                }
                // Each type's own part (named after the type) carries its Summary field, by the recipes' convention.
                if (item.Part(item.ContentType)?["Summary"]?["Text"] is System.Text.Json.Nodes.JsonValue summary && summary.TryGetValue(out string? text))
                {
                    xml.WriteElementString("description", text);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }
}
