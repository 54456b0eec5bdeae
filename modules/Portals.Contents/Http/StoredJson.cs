using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Portals.Core.Tenants;

namespace Portals.Contents.Http;

/// <summary>Who may keep a response: shared caches (anonymous reads), only the caller, or nobody.</summary>
public enum CachePolicy
{
    Public,
    Private,
    NoStore,
}

/// <summary>
/// JSON that is already serialized (as stored, or an envelope of stored items), written without re-serialization,
/// with a strong ETag over its bytes so that any change (even of a flag or date) changes the tag.
/// <typeparamref name="TSchema"/> only documents the body in OpenAPI.
/// </summary>
public sealed class StoredJson<TSchema>(CachedBody json, CachePolicy cache) : IResult, IEndpointMetadataProvider
{
    public StoredJson(string json, CachePolicy cache)
        : this(CachedBody.From(json), cache)
    {
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = json.ETag;
        response.Headers.CacheControl = cache switch
        {
            CachePolicy.Public => $"public, max-age={httpContext.GetTenant().Options.CacheMaxAgeSeconds}",
            CachePolicy.Private => "private, no-cache",
            _ => "no-store",
        };
        if (HttpMethods.IsGet(httpContext.Request.Method) && ETags.Matches(httpContext.Request.Headers.IfNoneMatch, json.ETag, weak: true))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Bytes.Length;
        return response.Body.WriteAsync(json.Bytes, httpContext.RequestAborted).AsTask();
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider is a static interface member; the generic type is the point.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TSchema), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
#pragma warning restore CA1000
}

public static class ETags
{
    /// <summary>A strong tag: the first 128 bits of SHA-256 over the exact bytes sent, base64url.</summary>
    public static string Compute(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return "\"" + Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
    }

    public static string Compute(string json) => Compute(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Whether a conditional header lists the tag (or <c>*</c>). Weak comparison is allowed for If-None-Match only.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag, bool weak)
    {
        if (header.Count == 0)
        {
            return false;
        }
        // The common case, one tag exactly as we sent it, without parsing.
        if (header.Count == 1 && header[0] == etag)
        {
            return true;
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }
        var mine = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (weak ? t.Compare(mine, useStrongComparison: false) : !t.IsWeak && t.Compare(mine, useStrongComparison: true)));
    }
}
