using System.Buffers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
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
public sealed class StoredJson<TSchema>(string json, CachePolicy cache, int statusCode = StatusCodes.Status200OK) : IResult, IEndpointMetadataProvider
{
    public string Json => json;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var context = httpContext;
        var length = Encoding.UTF8.GetMaxByteCount(json.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var count = Encoding.UTF8.GetBytes(json, buffer);
            var etag = ETags.Compute(buffer.AsSpan(0, count));
            var response = context.Response;
            response.Headers.ETag = etag;
            response.Headers.CacheControl = cache switch
            {
                CachePolicy.Public => $"public, max-age={context.GetTenant().Options.CacheMaxAgeSeconds}",
                CachePolicy.Private => "private, no-cache",
                _ => "no-store",
            };
            if (statusCode == StatusCodes.Status200OK && HttpMethods.IsGet(context.Request.Method) && ETags.Matches(context.Request.Headers.IfNoneMatch, etag, weak: true))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.StatusCode = statusCode;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = count;
            await response.Body.WriteAsync(buffer.AsMemory(0, count), context.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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

    public static string Compute(string json) => Compute(Encoding.UTF8.GetBytes(json));

    /// <summary>Whether a conditional header lists the tag (or <c>*</c>). Weak comparison is allowed for If-None-Match only.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag, bool weak)
    {
        if (header.Count == 0)
        {
            return false;
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }
        var mine = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (weak ? t.Compare(mine, useStrongComparison: false) : !t.IsWeak && t.Compare(mine, useStrongComparison: true)));
    }
}
