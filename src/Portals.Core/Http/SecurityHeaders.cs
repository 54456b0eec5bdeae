using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portals.Core.Http;

/// <summary>An endpoint's Content-Security-Policy (<see cref="SecurityHeaders"/> sends it with <c>X-Frame-Options: DENY</c>).</summary>
public sealed record ContentSecurityPolicyMetadata(string Policy)
{
    /// <summary>For JSON and feeds: nothing may load, nothing may frame it.</summary>
    public static readonly ContentSecurityPolicyMetadata Api = new("default-src 'none'; frame-ancestors 'none'");
}

/// <summary>
/// Headers every response carries: <c>X-Content-Type-Options: nosniff</c>; and, where the endpoint declares a policy
/// (<see cref="ContentSecurityPolicyMetadata"/>) and the handler did not set one itself, that CSP and
/// <c>X-Frame-Options: DENY</c>. (Kestrel's <c>Server</c> header is turned off in <see cref="PortalsHttp"/>.)
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (headers.ContentSecurityPolicy.Count == 0
                && http.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>() is { } csp)
            {
                headers.ContentSecurityPolicy = csp.Policy;
            }
            if (headers.ContentSecurityPolicy.Count > 0 && headers.XFrameOptions.Count == 0)
            {
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

public static class ContentSecurityPolicyExtensions
{
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, ContentSecurityPolicyMetadata policy)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(policy);
}
