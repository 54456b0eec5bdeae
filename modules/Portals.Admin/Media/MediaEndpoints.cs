using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portals.Core.Http;
using Portals.Core.Tenants;

namespace Portals.Admin.Media;

/// <summary>
/// <c>GET /{tenant}/media/{path}</c> (and <c>/media/{path}</c> on the tenant's host): the tenant's own files only,
/// anonymous, under the anonymous rate limit. The literal <c>media</c> segment outranks a theme's
/// <c>/{tenant}/{**path}</c> catch-all.
/// </summary>
public static class MediaEndpoints
{
    public const string RouteName = "PortalsMedia";

    /// <summary>Nothing in a served file may load or run anything; pages of the same site may frame it (a PDF viewer).</summary>
    internal static readonly ContentSecurityPolicyMetadata Policy = new("default-src 'none'; frame-ancestors 'self'");

    public static RouteHandlerBuilder Map(RouteGroupBuilder tenant) =>
        tenant.MapGet("/media/{**path}", ServeAsync)
            .WithName(RouteName)
            .WithContentSecurityPolicy(Policy)
            .RequireRateLimiting(PortalsRateLimits.Anonymous)
            .ExcludeFromDescription();

    /// <summary>The public URL of a stored file, e.g. <c>/haugiang/media/tai-lieu/ke-hoach.pdf</c>.</summary>
    public static string Url(HttpContext context, MediaPath file) =>
        $"{context.Request.PathBase}/{context.GetTenant().UrlPrefix}/media/{file.Value}";

    internal static async Task<Results<FileStreamHttpResult, NotFound>> ServeAsync(
        string? path, HttpContext context, IMediaStore store, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        if (MediaPath.ParseFile(path) is not { } file || MediaTypes.Of(file) is not { } type
            || await store.OpenReadAsync(context.GetTenant(), file, cancellationToken) is not { } content)
        {
            return TypedResults.NotFound();
        }
        context.Response.RegisterForDisposeAsync(content);
        var headers = context.Response.Headers;
        headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.CacheSeconds}");
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        // Other sites show the portal's images and documents: that is what a headless CMS serves them for.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        var disposition = new ContentDispositionHeaderValue(type.Inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Name);
        headers.ContentDisposition = disposition.ToString();
        // The result answers If-None-Match with 304, If-Modified-Since, and Range requests.
        return TypedResults.Stream(content.Stream, type.ContentType, lastModified: content.File.LastModified,
            entityTag: EntityTagHeaderValue.Parse(content.File.ETag), enableRangeProcessing: true);
    }
}
