using System.Text.Json.Nodes;

namespace Portals.Contents.OpenApi;

/// <summary>Which variant of a schema is being built (<see cref="Variants{T}"/>).</summary>
internal enum SchemaMode
{
    Read,
    Write,
}

/// <summary>
/// A schema in its two variants: what the API sends (<see cref="Read"/>: every guarantee, required members, non-null
/// values) and what it accepts (<see cref="Write"/>: the upsert merges into the latest version, so nothing but the
/// content type is required and null leaves a value as it was).
/// </summary>
internal sealed record Variants<T>(T Read, T Write);

/// <summary>
/// Named component schemas being added to a document. A name already taken by another schema (a content type called
/// like a framework type, say) gets a numbered suffix; the same schema added twice under one name is stored once.
/// </summary>
internal sealed class SchemaSet(IEnumerable<string> reserved)
{
    private readonly HashSet<string> _reserved = new(reserved, StringComparer.Ordinal);

    public JsonObject Schemas { get; } = [];

    public static JsonObject RefTo(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    /// <summary>
    /// Adds both variants; the write variant is <c>{name}Input</c> unless it equals the read one (nothing required,
    /// nothing server-set), in which case both names are the same. Returns the names given.
    /// </summary>
    public Variants<string> Add(string name, Variants<JsonObject> schemas)
    {
        var read = NameFor(name, schemas.Read);
        var write = JsonNode.DeepEquals(schemas.Read, schemas.Write) ? read : NameFor(read + "Input", schemas.Write);
        return new(read, write);
    }

    /// <summary>The name a schema gets: the wanted one, or the wanted one with a number when taken by something else.</summary>
    public string NameFor(string wanted, JsonObject schema)
    {
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? wanted : wanted + n;
            if (_reserved.Contains(candidate))
            {
                continue;
            }
            if (Schemas[candidate] is not { } existing)
            {
                Schemas[candidate] = schema;
                return candidate;
            }
            if (JsonNode.DeepEquals(existing, schema))
            {
                return candidate;
            }
        }
    }

    /// <summary>The schema, or JSON null: Orchard content may carry null for an absent part or field.</summary>
    public static JsonObject OrNull(JsonObject schema) => new()
    {
        ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }),
    };

    /// <summary>A primitive type that may also be null (<c>["string", "null"]</c>).</summary>
    public static JsonArray Nullable(string type) => new(type, "null");
}
