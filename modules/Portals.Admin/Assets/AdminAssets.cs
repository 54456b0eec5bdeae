using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Portals.Core.Tenants;

namespace Portals.Admin.Assets;

/// <summary>
/// The esbuild bundles embedded in this assembly (admin.js/css for every page, editor.js/css for content forms),
/// served from <c>/{tenant}/admin/assets/{name}</c> with a content hash in the URL, so they can be cached for a year.
/// Held in memory: a few hundred KB of code, no tenant data.
/// </summary>
public sealed class AdminAssets
{
    private const string ResourcePrefix = "Portals.Admin.Assets.";
    private readonly FrozenDictionary<string, Asset> _assets;

    public AdminAssets()
    {
        var assembly = typeof(AdminAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                var name = n[ResourcePrefix.Length..];
                var hash = Convert.ToHexString(SHA256.HashData(bytes), 0, 8).ToLowerInvariant();
                return new Asset(name, bytes, ContentType(name), hash);
            })
            .ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _assets.Keys;

    /// <summary>The URL of a bundle for the request's tenant, e.g. <c>/haugiang/admin/assets/admin.js?v=1a2b…</c>.</summary>
    public string Url(HttpContext context, string name) =>
        _assets.TryGetValue(name, out var asset)
            ? $"{context.Request.PathBase}/{context.GetTenant().UrlPrefix}/admin/assets/{name}?v={asset.Hash}"
            : throw new ArgumentException($"No admin bundle named '{name}'.", nameof(name));

    internal static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/assets/{name}", Serve).ExcludeFromDescription();

    private static Results<FileContentHttpResult, StatusCodeHttpResult, NotFound> Serve(string name, HttpContext context, AdminAssets assets)
    {
        if (!assets._assets.TryGetValue(name, out var asset))
        {
            return TypedResults.NotFound();
        }
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=31536000, immutable";
        var etag = new EntityTagHeaderValue($"\"{asset.Hash}\"");
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag.Tag.ToString(), StringComparison.Ordinal))
        {
            headers.ETag = etag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(asset.Bytes, asset.ContentType, entityTag: etag);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };

    private sealed record Asset(string Name, byte[] Bytes, string ContentType, string Hash);
}
