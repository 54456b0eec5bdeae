using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>
/// An OpenAPI 3.1 document as served, with its schemas usable by a JSON Schema 2020-12 validator (OpenAPI 3.1's own
/// dialect): <c>components/schemas</c> become <c>$defs</c>, so a response can be checked against exactly the schema the
/// document declares for it.
/// </summary>
public sealed class ContractDocument(JsonObject document)
{
    private const string ComponentPrefix = "#/components/schemas/";
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JsonObject Json => document;

    public JsonObject Schemas => (JsonObject)document["components"]!["schemas"]!;

    public static async Task<ContractDocument> FetchAsync(HttpClient client, string url) =>
        new((JsonObject)JsonNode.Parse(await client.GetStringAsync(url))!);

    public JsonObject Operation(string path, string method)
    {
        var paths = (JsonObject)document["paths"]!;
        Assert.True(paths[path] is JsonObject, $"{path} is not documented; documented: {string.Join(", ", paths.Select(p => p.Key))}");
        return Assert.IsType<JsonObject>(paths[path]![method], exactMatch: false);
    }

    /// <summary>The declared response of an operation for a status; fails when the document does not declare it.</summary>
    public JsonObject Response(string path, string method, int status)
    {
        var responses = (JsonObject)Operation(path, method)["responses"]!;
        Assert.True(responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is JsonObject,
            $"{method.ToUpperInvariant()} {path} does not declare {status}; it declares {string.Join(", ", responses.Select(r => r.Key))}");
        return (JsonObject)responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!;
    }

    /// <summary>Checks <paramref name="body"/> against the schema the document declares for this response and media type.</summary>
    public void AssertResponse(string path, string method, int status, string mediaType, string body)
    {
        var content = Response(path, method, status)["content"] as JsonObject;
        Assert.True(content?[mediaType]?["schema"] is JsonObject, $"{method.ToUpperInvariant()} {path} {status} declares no {mediaType} schema");
        AssertValid(content![mediaType]!["schema"]!, JsonNode.Parse(body), $"{method.ToUpperInvariant()} {path} {status}");
    }

    public void AssertValid(JsonNode schema, JsonNode? instance, string what)
    {
        var results = Evaluate(schema, instance);
        Assert.True(results.IsValid, $"{what}: the body does not match the documented schema:\n{Describe(results)}\nbody: {Shorten(instance)}");
    }

    public EvaluationResults Evaluate(JsonNode schema, JsonNode? instance)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Retarget(Schemas.DeepClone()),
            ["allOf"] = new JsonArray(Retarget(schema.DeepClone())),
        };
        var built = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://portals.test/{Guid.NewGuid():n}"));
        using var json = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        return built.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    public static string Describe(EvaluationResults results) => string.Join("\n", (results.Details ?? [results])
        .Where(d => d.Errors is { Count: > 0 })
        .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
        .Take(20));

    private static string Shorten(JsonNode? node)
    {
        var text = node?.ToJsonString(Pretty) ?? "null";
        return text.Length > 3000 ? text[..3000] + "…" : text;
    }

    private static JsonNode Retarget(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith(ComponentPrefix, StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + reference.GetValue<string>()[ComponentPrefix.Length..];
                }
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        Retarget(child);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Retarget(child);
                    }
                }
                break;
        }
        return node;
    }
}
