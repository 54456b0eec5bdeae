using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Contents.OpenApi;

/// <summary>
/// Serves the documents. The generated ones are made once (routes do not change while the app runs) with the shared
/// conventions; a portal's document adds its content types, is kept in <see cref="PublishedReadCache"/> (dropped on the
/// portal's next commit, so a type added by a recipe shows at once) and gets this request's URLs.
/// </summary>
internal sealed class ApiDocuments(IServiceProvider services, IOptions<ContentsApiOptions> options)
{
    private const string CacheKey = "openapi";

    /// <summary>Vietnamese stays readable; characters that matter to HTML are still escaped.</summary>
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private readonly ConcurrentDictionary<string, string> _templates = new(StringComparer.Ordinal);

    private ContentsApiOptions Options => options.Value;

    public static async Task<IResult> GetNodeDocumentAsync(HttpContext http, ApiDocuments documents, CancellationToken cancellationToken)
    {
        var document = JsonNode.Parse(await documents.TemplateAsync(ApiDocs.Node, cancellationToken))!.AsObject();
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        document["servers"] = new JsonArray(new JsonObject { ["url"] = baseUrl, ["description"] = "This node: routes outside any portal." });
        document["info"]!["license"]!["url"] = documents.Options.LicenseUrl ?? baseUrl;
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Text(document.ToJsonString(Output), "application/json", System.Text.Encoding.UTF8);
    }

    public static async Task<IResult> GetTenantDocumentAsync(TenantContext tenant, HttpContext http, ApiDocuments documents, IContentStore store,
        PublishedReadCache cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(tenant.Name, CacheKey, out var body, out var stamp))
        {
            var template = JsonNode.Parse(await documents.TemplateAsync(ApiDocs.Tenant, cancellationToken))!.AsObject();
            await using var session = await store.OpenAsync(tenant, cancellationToken);
            body = CachedBody.From(TenantDocument.Build(template, tenant, await session.GetDefinitionsAsync(cancellationToken)).ToJsonString(Output));
            cache.Set(stamp, CacheKey, body);
        }
        // The host goes in per request and never into the cache, so no Host header can crowd the cache out.
        var document = JsonNode.Parse(body!.Bytes)!.AsObject();
        var prefix = http.Features.Get<TenantFeature>()?.MatchedByHost == true ? "" : "/" + tenant.UrlPrefix;
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{prefix}";
        TenantDocument.Address(document, baseUrl, tenant.DisplayName, documents.Options.LicenseUrl ?? tenant.Options.PublicBaseUrl ?? baseUrl);
        return new StoredJson<JsonObject>(document.ToJsonString(Output), CachePolicy.Public);
    }

    /// <summary>The generated document with the shared conventions: a string, so each request works on its own copy.</summary>
    private async Task<string> TemplateAsync(string name, CancellationToken cancellationToken)
    {
        if (_templates.TryGetValue(name, out var template))
        {
            return template;
        }
        var generated = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(name).GetOpenApiDocumentAsync(cancellationToken);
        var document = JsonNode.Parse(await generated.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!.AsObject();
        document["info"] = new JsonObject
        {
            ["title"] = "Portals API: shared search",
            ["description"] = "Routes outside any portal: full-text search over both portals' published content (the same search "
                + "answers under each portal, /{tenant}/api/search) and the node's health. Each portal's content API has its own "
                + "document: /{tenant}/openapi/v1.json (e.g. /haugiang/openapi/v1.json, /cantho/openapi/v1.json), or /openapi/v1.json on the portal's host.",
            ["version"] = "1.1.0",
            ["license"] = new JsonObject { ["name"] = Options.LicenseName },
        };
        DocumentConventions.Apply(document, tenantRoutes: name == ApiDocs.Tenant);
        SchemaReferences.Prune(document);
        template = document.ToJsonString(Output);
        _templates[name] = template;
        return template;
    }
}
