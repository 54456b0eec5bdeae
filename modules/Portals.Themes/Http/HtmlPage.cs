using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Portals.Themes.Http;

/// <summary>
/// A rendered HTML page with a strong ETag over its bytes. A matching <c>If-None-Match</c> gets 304 without a body.
/// Public pages say <c>public, no-cache</c>: shared caches may keep them but must revalidate, so an edit shows on the
/// next request. A preview says <c>no-store</c> and <c>noindex</c>.
/// </summary>
public sealed class HtmlPage : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "text/html; charset=utf-8";

    private HtmlPage(byte[] body, int statusCode, bool preview)
    {
        Body = body;
        StatusCode = statusCode;
        Preview = preview;
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12)) + "\"";
    }

    public byte[] Body { get; }
    public int StatusCode { get; }
    public bool Preview { get; }
    public string ETag { get; }
    public string ContentType => MediaType;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public static HtmlPage Ok(byte[] body) => new(body, StatusCodes.Status200OK, preview: false);

    public static HtmlPage NotFound(byte[] body) => new(body, StatusCodes.Status404NotFound, preview: false);

    public static HtmlPage ForPreview(byte[] body) => new(body, StatusCodes.Status200OK, preview: true);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        if (Preview)
        {
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        }
        else
        {
            response.Headers.CacheControl = StatusCode == StatusCodes.Status200OK ? "public, no-cache" : "no-cache";
        }
        if (StatusCode == StatusCodes.Status200OK && Matches(httpContext.Request.Headers.IfNoneMatch, ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCode;
        response.ContentType = MediaType;
        response.ContentLength = Body.Length;
        return HttpMethods.IsHead(httpContext.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(Body).AsTask();
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, Microsoft.AspNetCore.Builder.EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(void), ["text/html"]));

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag)
    {
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }
        var mine = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(mine, useStrongComparison: false));
    }
}
