using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;
using static Portals.Contents.OpenApi.SchemaSet;

namespace Portals.Contents.OpenApi;

/// <summary>
/// Part schemas: Orchard Core's parts this system writes or checks (title, path, body, localization, taxonomy terms,
/// scheduled publication), then the fields a part definition declares. A part the definitions do not describe is
/// an object kept as sent.
/// </summary>
internal static class PartSchemas
{
    /// <summary>Always accepted, whatever the type: the store reads it to schedule a publication.</summary>
    public const string PublishLater = "PublishLaterPart";

    /// <summary>Adds the schemas of <paramref name="partName"/> and returns their names.</summary>
    public static Variants<string> Add(SchemaSet set, ContentDefinitionSet definitions, string partName)
    {
        var read = new JsonObject { ["type"] = "object" };
        var write = new JsonObject { ["type"] = "object" };
        var definition = definitions.FindPart(partName);
        var description = definition?.Settings is { ValueKind: JsonValueKind.Object } settings
            && settings.TryGetProperty("ContentPartSettings", out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("Description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        var known = WellKnown(partName);
        description ??= known?.Description ?? (definition is null ? "A part this API does not describe; its JSON is kept as sent." : null);
        if (description is not null)
        {
            read["description"] = description;
            write["description"] = description;
        }
        var readProperties = new JsonObject();
        var writeProperties = new JsonObject();
        var required = new JsonArray();
        foreach (var (name, property) in known?.Properties ?? [])
        {
            readProperties[name] = property.Read;
            writeProperties[name] = property.Write;
            if (known!.Required.Contains(name))
            {
                required.Add(name);
            }
        }
        var owner = ContentSchemas.Clean(partName.EndsWith("Part", StringComparison.Ordinal) ? partName[..^4] : partName);
        foreach (var field in definition?.Fields ?? [])
        {
            var property = FieldSchemas.Property(set, owner, field);
            readProperties[field.Name] = property.Read;
            writeProperties[field.Name] = property.Write;
            if (Core.Validation.FieldShapes.IsRequired(field))
            {
                required.Add(field.Name);
            }
        }
        if (required.Count > 0)
        {
            read["required"] = required;
        }
        if (readProperties.Count > 0)
        {
            read["properties"] = readProperties;
            write["properties"] = writeProperties;
        }
        return set.Add(ContentSchemas.Clean(partName.EndsWith("Part", StringComparison.Ordinal) ? partName : partName + "Part"), new(read, write));
    }

    /// <summary>Whether items of a type always carry the part: it holds something the save requires or sets.</summary>
    public static bool IsRequired(SchemaSet set, string readName) =>
        set.Schemas[readName] is JsonObject schema && schema["required"] is JsonArray { Count: > 0 };

    /// <summary>The members a well-known part declares (<c>Title</c>, <c>Path</c>, …); none for other parts.</summary>
    public static IEnumerable<string> KnownMembers(string partName) => WellKnown(partName)?.Properties.Select(p => p.Name) ?? [];

    private sealed record Known(string Description, string[] Required, (string Name, Variants<JsonObject> Property)[] Properties);

    private static Known? WellKnown(string partName) => partName switch
    {
        "TitlePart" => new("The item's title; the server sets DisplayText from it.", ["Title"],
            [("Title", new(Text(required: true, maxLength: 500), Text(required: false, maxLength: 500)))]),
        "AutoroutePart" => new("The item's path in its portal, unique among the portal's items; GET /api/content/by-path?path=… reads the item by it.", ["Path"],
            [("Path", new(
                new JsonObject { ["type"] = "string", ["description"] = "The path sent (slugified), or one made from the title; -2, -3… are added when another item holds it." },
                new JsonObject { ["type"] = Nullable("string"), ["description"] = "Empty or absent: made from the title." }))]),
        "HtmlBodyPart" => new("The item's body.", [],
            [("Html", Same(new JsonObject
            {
                ["type"] = Nullable("string"),
                ["contentMediaType"] = "text/html",
                ["description"] = "HTML, sanitized on save: headings, lists, tables, links, images and figures; no scripts, styles, frames or forms.",
            }))]),
        "LocalizationPart" => new("The item's culture and the set of its translations.", [],
            [("Culture", Same(new JsonObject { ["type"] = Nullable("string") })), ("LocalizationSet", Same(new JsonObject { ["type"] = Nullable("string") }))]),
        "TaxonomyPart" => new("A taxonomy's terms, each a content item of the term type.", [],
            [("TermContentType", Same(new JsonObject { ["type"] = Nullable("string") })),
             ("Terms", Same(new JsonObject { ["type"] = Nullable("array"), ["items"] = Term() }))]),
        PublishLater => new("A scheduled publication: this version is published at that time. Needs the PublishContent permission.", [],
            [("ScheduledPublishUtc", Same(new JsonObject { ["type"] = Nullable("string"), ["format"] = "date-time" }))]),
        _ => null,
    };

    private static JsonObject Text(bool required, int maxLength) => required
        ? new JsonObject { ["type"] = "string", ["maxLength"] = maxLength, ["pattern"] = "\\S" }
        : new JsonObject { ["type"] = Nullable("string"), ["maxLength"] = maxLength };

    private static Variants<JsonObject> Same(JsonObject schema) => new(schema, (JsonObject)schema.DeepClone());

    /// <summary>A taxonomy term as Orchard Core nests it: an id, its type and title, and whatever else it carries.</summary>
    private static JsonObject Term() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("ContentItemId"),
        ["properties"] = new JsonObject
        {
            ["ContentItemId"] = new JsonObject { ["type"] = "string", ["pattern"] = ContentIds.Pattern },
            ["ContentType"] = new JsonObject { ["type"] = Nullable("string") },
            ["DisplayText"] = new JsonObject { ["type"] = Nullable("string") },
        },
    };
}
