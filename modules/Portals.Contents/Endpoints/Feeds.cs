using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Contents.Endpoints;

/// <summary>
/// RSS 2.0 feeds of the latest 50 published items, for partner sites that syndicate rather than call the API.
/// A feed is rendered once and kept in <see cref="PublishedReadCache"/> until the tenant's next write, so it costs
/// what a cached list read does; an item that cannot be written is cleaned or left out, never the whole feed.
/// </summary>
public static class Feeds
{
    public const int Size = 50;

    public static void Map(RouteGroupBuilder tenantGroup)
    {
        tenantGroup.MapGet("/feeds/news.rss", (TenantContext tenant, HttpContext http, IContentStore store, PublishedReadCache cache, ILoggerFactory loggers, CancellationToken ct) =>
                FeedAsync(tenant, http, store, cache, loggers, "NewsArticle", "Tin tức", ct))
            .WithName("NewsFeed").WithSummary("RSS 2.0: the latest 50 published news articles.").Configure();
        tenantGroup.MapGet("/feeds/investment.rss", (TenantContext tenant, HttpContext http, IContentStore store, PublishedReadCache cache, ILoggerFactory loggers, CancellationToken ct) =>
                FeedAsync(tenant, http, store, cache, loggers, "InvestmentCall", "Dự án kêu gọi đầu tư", ct))
            .WithName("InvestmentFeed").WithSummary("RSS 2.0: the latest 50 published investment calls.").Configure();
    }

    public static async Task<FileContentHttpResult> FeedAsync(
        TenantContext tenant, HttpContext http, IContentStore store, PublishedReadCache cache, ILoggerFactory loggers,
        string contentType, string title, CancellationToken cancellationToken)
    {
        var key = "feed:" + contentType;
        if (!cache.TryGet(tenant.Name, key, out var feed, out var stamp))
        {
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            var page = await session.QueryAsync(new ContentQuery(contentType, PageSize: Size, TotalLimit: 1), cancellationToken);
            var writer = new FeedWriter(tenant, contentType, loggers.CreateLogger(typeof(Feeds)));
            feed = CachedBody.From(writer.Render(title, page.Items));
            cache.Set(stamp, key, feed);
        }
        http.Response.Headers.CacheControl = http.User.IsAuthenticated()
            ? "private, no-cache"
            : $"public, max-age={tenant.Options.CacheMaxAgeSeconds}";
        return TypedResults.Bytes(feed!.Bytes, "application/rss+xml; charset=utf-8", entityTag: EntityTagHeaderValue.Parse(feed.ETag));
    }

    internal static RouteHandlerBuilder Configure(this RouteHandlerBuilder builder) => builder
        .WithTags("Feeds")
        .Produces<string>(StatusCodes.Status200OK, "application/rss+xml")
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
