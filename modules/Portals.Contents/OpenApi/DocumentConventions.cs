using System.Text.Json.Nodes;

namespace Portals.Contents.OpenApi;

/// <summary>
/// The conventions every document follows, applied to its JSON once generated: tag descriptions, problem schemas
/// with their <c>traceId</c>, and for each operation its error responses as the shared HTTP policies answer them
/// (400 as <c>HttpValidationProblemDetails</c>, 429 and 503 with <c>Retry-After</c>, 412 with <c>If-Match</c>, 304
/// with <c>If-None-Match</c> and <c>ETag</c>).
/// </summary>
internal static class DocumentConventions
{
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "HttpValidationProblemDetails";
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Content"] = "This portal's content items in Orchard Core's JSON: published items are public (by id, by path, "
            + "lists and feeds); a token creates, updates, publishes, unpublishes and deletes them.",
        ["Search"] = "Full-text search over both portals' published content, typed with or without Vietnamese diacritics.",
        ["Authentication"] = "OAuth2 client-credentials tokens of this portal (a token of one portal is refused by the other).",
        ["Health"] = "Whether the node and its portals run, with search indexing figures, for load balancers and operators.",
        ["Feeds"] = "RSS 2.0 feeds of the latest published items, for sites that syndicate rather than call the API.",
    };

    private static readonly Dictionary<string, string> ErrorDescriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "Invalid input. A problem; `errors` lists messages per field or parameter when the input names them (Vietnamese for content fields).",
        ["401"] = "A token was required, or the one sent is invalid, expired, revoked or from another portal (WWW-Authenticate: Bearer).",
        ["403"] = "The token's roles do not grant the permission this needs.",
        ["404"] = "Nothing is found at this id or path.",
        ["412"] = "If-Match does not match the item's latest version: another change came first. Read it again and reapply.",
        ["429"] = "Too many requests from this address; retry after Retry-After seconds.",
        ["503"] = "The portal is being set up (or its setup failed); retry after Retry-After seconds.",
    };

    /// <summary>Applies the conventions; <paramref name="tenantRoutes"/> says that operations run inside a portal (and answer 503 while it sets up).</summary>
    public static void Apply(JsonObject document, bool tenantRoutes)
    {
        var schemas = Components(document, "schemas");
        AddTraceId(schemas[Problem] as JsonObject);
        AddTraceId(schemas[ValidationProblem] as JsonObject);
        foreach (var (_, path) in document["paths"]!.AsObject())
        {
            foreach (var (method, value) in path!.AsObject())
            {
                if (value is JsonObject operation && operation["responses"] is JsonObject responses)
                {
                    Responses(method, operation, responses, schemas, tenantRoutes);
                }
            }
        }
        var used = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .SelectMany(o => o.Value?["tags"] as JsonArray ?? []).Select(t => t!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal);
        document["tags"] = new JsonArray(used.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t,
            ["description"] = TagDescriptions.GetValueOrDefault(t) ?? $"Operations of the {t} module.",
        }).ToArray());
    }

    private static void Responses(string method, JsonObject operation, JsonObject responses, JsonObject schemas, bool tenantRoutes)
    {
        if (tenantRoutes && !responses.ContainsKey("503"))
        {
            responses["503"] = new JsonObject();
        }
        if (responses.ContainsKey("304") && method != "get")
        {
            // The ETag result declares 304 on every route; only a GET with If-None-Match can answer it.
            responses.Remove("304");
        }
        if (responses.ContainsKey("304"))
        {
            Header(operation, "If-None-Match", "An ETag from an earlier response: 304 Not Modified, without a body, while it still matches.");
            if (responses["200"] is JsonObject ok)
            {
                var headers = ok["headers"] as JsonObject ?? (JsonObject)(ok["headers"] = new JsonObject());
                headers["ETag"] = new JsonObject
                {
                    ["description"] = "A strong tag of the exact body; send it back in If-None-Match (reads) or If-Match (writes).",
                    ["schema"] = new JsonObject { ["type"] = "string" },
                };
            }
        }
        if (responses.ContainsKey("412"))
        {
            Header(operation, "If-Match", "The ETag of the version this change is based on: 412 when the item changed since.");
        }
        foreach (var (status, value) in responses.ToList())
        {
            if (!ErrorDescriptions.TryGetValue(status, out var description) || value is not JsonObject response)
            {
                continue;
            }
            var content = response["content"] as JsonObject;
            if (content is not null && !content.ContainsKey(ProblemJson))
            {
                continue; // The token endpoint answers OAuth2's own error shape.
            }
            response["description"] = description;
            var schema = status == "400" && schemas.ContainsKey(ValidationProblem) ? ValidationProblem : Problem;
            response["content"] = new JsonObject { [ProblemJson] = new JsonObject { ["schema"] = SchemaSet.RefTo(schema) } };
            if (status is "429" or "503")
            {
                response["headers"] = new JsonObject
                {
                    ["Retry-After"] = new JsonObject
                    {
                        ["description"] = "Seconds to wait before retrying.",
                        ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                    },
                };
            }
        }
    }

    private static void Header(JsonObject operation, string name, string description)
    {
        var parameters = operation["parameters"] as JsonArray ?? (JsonArray)(operation["parameters"] = new JsonArray());
        if (parameters.Any(p => p?["name"]?.GetValue<string>() == name))
        {
            return;
        }
        parameters.Add(new JsonObject
        {
            ["name"] = name,
            ["in"] = "header",
            ["description"] = description,
            ["schema"] = new JsonObject { ["type"] = "string" },
        });
    }

    /// <summary>Every problem carries the request's trace id (<c>ProblemDetailsSetup.Customize</c>) and its status.</summary>
    private static void AddTraceId(JsonObject? schema)
    {
        if (schema?["properties"] is not JsonObject properties)
        {
            return;
        }
        properties["traceId"] = new JsonObject { ["type"] = "string", ["description"] = "Quote it when reporting a problem: it finds the request in the logs." };
        schema["required"] = new JsonArray("status", "traceId");
        schema["description"] = "An RFC 7807 problem. Other members may follow (e.g. `permission` on a 403).";
    }

    public static JsonObject Components(JsonObject document, string kind)
    {
        var components = document["components"] as JsonObject ?? (JsonObject)(document["components"] = new JsonObject());
        return components[kind] as JsonObject ?? (JsonObject)(components[kind] = new JsonObject());
    }
}
