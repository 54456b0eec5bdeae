using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Portals.Core.Http;

/// <summary>
/// Answers <c>HEAD</c> wherever <c>GET</c> is answered (RFC 9110 §9.3.2), for every module: the request runs as a GET
/// (same routing, authorization, caching headers, ETag and 304) and the body is discarded, so a HEAD costs what a
/// GET does but sends only the headers, Content-Length included.
/// </summary>
internal sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var discard = new StreamResponseBodyFeature(Stream.Null, original);
        context.Features.Set<IHttpResponseBodyFeature>(discard);
        try
        {
            await next(context);
            await discard.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
            context.Request.Method = HttpMethods.Head;
        }
    }
}
