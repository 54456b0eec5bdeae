using System.Text.Json.Nodes;
using Portals.Core.Definitions;
using Portals.Core.Tenants;

namespace Portals.Contents.OpenApi;

/// <summary>
/// A portal's own document: its routes without the <c>/{tenant}</c> prefix (the server URL carries it, or the portal's
/// host does), and one schema per content type of its definitions in place of the generic item.
/// </summary>
internal static class TenantDocument
{
    /// <summary>Builds the host-independent part from the tenant template; <see cref="Address"/> adds the URLs per request.</summary>
    public static JsonObject Build(JsonObject template, TenantContext tenant, ContentDefinitionSet definitions)
    {
        var document = template;
        document["info"]!["title"] = $"Portals content API – {tenant.DisplayName} ({tenant.Name})";
        document["info"]!["description"] =
            $"The content of the {tenant.DisplayName} portal in Orchard Core's JSON format: one schema per content type, as this "
            + "portal defines them. Reads are public (published content only); writes need a bearer token from POST /connect/token "
            + "(OAuth2 client credentials; a token of one portal is refused by the other). Errors are RFC 7807 problems with a traceId. "
            + "The same routes answer under the portal's prefix (/" + tenant.UrlPrefix + "/…) and on its own host.";

        var paths = new JsonObject();
        foreach (var (path, item) in document["paths"]!.AsObject().ToList())
        {
            document["paths"]!.AsObject().Remove(path);
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation?["parameters"] is JsonArray parameters)
                {
                    foreach (var tenantParameter in parameters.Where(p => p?["in"]?.GetValue<string>() == "path" && p["name"]?.GetValue<string>() == "tenant").ToList())
                    {
                        parameters.Remove(tenantParameter);
                    }
                }
            }
            paths[path.StartsWith("/{tenant}", StringComparison.Ordinal) ? path["/{tenant}".Length..] : path] = item;
        }
        document["paths"] = paths;

        var schemas = DocumentConventions.Components(document, "schemas");
        var set = new SchemaSet(schemas.Select(s => s.Key).Append(ContentSchemas.Item).Append(ContentSchemas.ItemInput));
        ContentSchemas.Add(set, definitions);
        foreach (var (name, schema) in set.Schemas.ToList())
        {
            set.Schemas.Remove(name);
            schemas[name] = schema;
        }
        SchemaReferences.Retarget(document, "#/components/schemas/" + nameof(Endpoints.ContentItemDocument), "#/components/schemas/" + ContentSchemas.Item);
        SchemaReferences.Retarget(document, "#/components/schemas/" + nameof(Endpoints.ContentItemInputDocument), "#/components/schemas/" + ContentSchemas.ItemInput);
        SchemaReferences.Prune(document);
        return document;
    }

    /// <summary>The URLs of this request: the API's base (with the prefix unless the portal was reached by its host) and the token endpoint.</summary>
    public static void Address(JsonObject document, string baseUrl, string displayName, string licenseUrl)
    {
        document["servers"] = new JsonArray(new JsonObject { ["url"] = baseUrl, ["description"] = displayName });
        document["info"]!["license"]!["url"] = licenseUrl;
        if (document["components"]?["securitySchemes"]?[ApiDocs.SchemeName]?["flows"]?["clientCredentials"] is JsonObject flow)
        {
            flow["tokenUrl"] = baseUrl + "/connect/token";
        }
    }
}
