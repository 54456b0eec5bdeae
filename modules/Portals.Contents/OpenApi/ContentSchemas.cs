using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Portals.Contents.Endpoints;
using Portals.Core.Content;
using Portals.Core.Definitions;
using static Portals.Contents.OpenApi.SchemaSet;

namespace Portals.Contents.OpenApi;

/// <summary>
/// One schema per content type of a tenant, made from its definitions: Orchard Core's metadata (from the wire contract
/// <see cref="ContentItemDocument"/>, exported with the options that write items), then one property per part, each
/// part with its fields. <see cref="Item"/> and <see cref="ItemInput"/> offer the types as a <c>oneOf</c> discriminated
/// by <c>ContentType</c>. Unknown parts stay allowed: Orchard content keeps parts this system does not know.
/// </summary>
internal static partial class ContentSchemas
{
    /// <summary>Any item the API sends.</summary>
    public const string Item = "ContentItem";

    /// <summary>Any item the upsert accepts.</summary>
    public const string ItemInput = "ContentItemInput";

    /// <summary>The options that write items, with the reflection resolver serialization falls back to (the exporter needs it named).</summary>
    private static readonly JsonSerializerOptions WireOptions = new(ContentItem.JsonOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = static (context, schema) =>
        {
            if (schema is JsonObject property && context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false) is [DescriptionAttribute d, ..])
            {
                property["description"] = d.Description;
            }
            return schema;
        },
    };

    /// <summary>Adds every type's schemas to <paramref name="set"/>, plus the two unions; <see cref="Item"/> and <see cref="ItemInput"/> must be reserved.</summary>
    public static void Add(SchemaSet set, ContentDefinitionSet definitions)
    {
        var metadata = new Variants<JsonObject>(Metadata(typeof(ContentItemDocument)), Metadata(typeof(ContentItemInputDocument)));
        var parts = new Dictionary<string, Variants<string>>(StringComparer.Ordinal);
        Variants<string> Part(string name) =>
            parts.TryGetValue(name, out var names) ? names : parts[name] = PartSchemas.Add(set, definitions, name);

        var members = new List<(string Type, Variants<string> Schema)>();
        foreach (var type in definitions.Types.Values)
        {
            var read = (JsonObject)metadata.Read.DeepClone();
            var write = (JsonObject)metadata.Write.DeepClone();
            var description = $"Content type {type.Name} ({type.DisplayName}): Orchard Core's metadata, then one property per part. Parts not listed here are kept as sent.";
            foreach (var schema in new[] { read, write })
            {
                schema["title"] = type.DisplayName;
                schema["description"] = description;
                schema["properties"]!["ContentType"] = new JsonObject { ["type"] = "string", ["const"] = type.Name };
            }
            if (type.HasPart("TitlePart"))
            {
                read["properties"]!["DisplayText"] = new JsonObject { ["type"] = "string", ["description"] = "The title (TitlePart.Title)." };
            }
            var required = (JsonArray)read["required"]!;
            foreach (var typePart in type.Parts.Append(new ContentTypePartDefinition(PartSchemas.PublishLater, PartSchemas.PublishLater, default)))
            {
                if (read["properties"]![typePart.Name] is not null)
                {
                    continue;
                }
                var names = Part(typePart.PartName);
                var always = PartSchemas.IsRequired(set, names.Read) && typePart.Name != PartSchemas.PublishLater;
                read["properties"]![typePart.Name] = always ? RefTo(names.Read) : OrNull(RefTo(names.Read));
                write["properties"]![typePart.Name] = OrNull(RefTo(names.Write));
                if (always)
                {
                    required.Add(typePart.Name);
                }
            }
            read["additionalProperties"] = true;
            write["additionalProperties"] = true;
            members.Add((type.Name, set.Add(Clean(type.Name), new(read, write))));
        }
        set.Schemas[Item] = Union(members.Select(m => (m.Type, m.Schema.Read)), metadata.Read,
            "A content item: the schema of its ContentType.");
        set.Schemas[ItemInput] = Union(members.Select(m => (m.Type, m.Schema.Write)), metadata.Write,
            "A content item to create, or the members to change in an existing one (merged into its latest version: "
            + "objects merge, arrays and values replace, null leaves a value as it is).");
    }

    /// <summary>A component name from a definition name (letters, digits, '.', '-', '_').</summary>
    public static string Clean(string name) => NameCharacters().Replace(name, "_");

    private static JsonObject Union(IEnumerable<(string Type, string Schema)> members, JsonObject fallback, string description)
    {
        var list = members.ToList();
        if (list.Count == 0)
        {
            // A tenant without types (a recipe still to run) still gets an item schema: its metadata.
            var any = (JsonObject)fallback.DeepClone();
            any["description"] = description;
            any["additionalProperties"] = true;
            return any;
        }
        var mapping = new JsonObject();
        foreach (var (type, schema) in list)
        {
            mapping[type] = "#/components/schemas/" + schema;
        }
        return new JsonObject
        {
            ["description"] = description,
            ["oneOf"] = new JsonArray(list.Select(m => (JsonNode)RefTo(m.Schema)).ToArray()),
            ["discriminator"] = new JsonObject { ["propertyName"] = "ContentType", ["mapping"] = mapping },
        };
    }

    /// <summary>The metadata members as the serializer of items sees them (names, types, nullability, required).</summary>
    private static JsonObject Metadata(Type contract)
    {
        var schema = (JsonObject)JsonSchemaExporter.GetJsonSchemaAsNode(WireOptions, contract, Exporter);
        // The extension data member holds the parts; each type schema lists its own and allows the rest.
        schema.Remove("additionalProperties");
        return schema;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex NameCharacters();
}
