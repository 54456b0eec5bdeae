using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Validation;
using static Portals.Contents.OpenApi.SchemaSet;

namespace Portals.Contents.OpenApi;

/// <summary>
/// Field schemas, from the value shapes the save checks (<see cref="FieldShapes"/>). A field without settings of its own
/// refers to its kind's schema (<c>TextField</c>, <c>NumericField</c>, …); a field whose settings constrain it (required,
/// predefined options, a length, a range, a single reference) gets its own, named after its part and itself.
/// </summary>
internal static class FieldSchemas
{
    private static readonly Dictionary<string, string> KindDescriptions = new(StringComparer.Ordinal)
    {
        ["TextField"] = "Plain text.",
        ["HtmlField"] = "HTML, sanitized on save (no scripts, styles or frames; links only http, https, mailto, tel or relative).",
        ["NumericField"] = "A number.",
        ["BooleanField"] = "True or false.",
        ["DateField"] = "A date, sent as midnight UTC; the API also accepts any ISO 8601 date (2021-12-31).",
        ["DateTimeField"] = "An instant, sent in UTC; the API accepts any ISO 8601 date and time.",
        ["TimeField"] = "A time of day (hh:mm:ss).",
        ["ContentPickerField"] = "Ids of other content items.",
        ["TaxonomyField"] = "Term ids of a taxonomy.",
        ["LinkField"] = "A link: http, https, mailto, tel or a relative URL.",
        ["MediaField"] = "Paths in the portal's media library (each file is served at `/media/{path}` under this document's server URL), with their alternative texts.",
    };

    /// <summary>The property for <paramref name="field"/> in its part's schema, in both variants.</summary>
    public static Variants<JsonObject> Property(SchemaSet set, string owner, ContentPartFieldDefinition field)
    {
        var kind = Kind(field.FieldName);
        var kindName = set.NameFor(ContentSchemas.Clean(field.FieldName), kind);
        // Predefined options are one named enum that both variants share (a client gets one enum type, not two).
        var options = field.FieldName == "TextField" ? Options(field) : [];
        var values = options.Count == 0 ? null : set.NameFor(owner + ContentSchemas.Clean(field.Name) + "Value", new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray(options.Select(o => (JsonNode?)o.Value).ToArray()),
            ["description"] = string.Join("; ", options.Select(o => $"{o.Value}: {o.Name}")),
        });
        var own = new Variants<JsonObject>(Own(field, SchemaMode.Read, values), Own(field, SchemaMode.Write, values));
        var names = JsonNode.DeepEquals(own.Read, kind) && JsonNode.DeepEquals(own.Write, kind)
            ? new Variants<string>(kindName, kindName)
            : set.Add(owner + ContentSchemas.Clean(field.Name), own);
        var read = FieldShapes.IsRequired(field) ? RefTo(names.Read) : OrNull(RefTo(names.Read));
        return new(Annotate(read, field), Annotate(OrNull(RefTo(names.Write)), field));
    }

    /// <summary>The schema every field of a kind shares: its value property (nullable: Orchard writes <c>"Text": null</c>) and Orchard's companions.</summary>
    public static JsonObject Kind(string kind)
    {
        if (!FieldShapes.ByKind.TryGetValue(kind, out var shape))
        {
            return new JsonObject { ["type"] = "object", ["description"] = $"A {kind}: a field kind the API does not check; its JSON is kept as sent." };
        }
        var properties = new JsonObject { [shape.Property] = Value(kind, shape, nullable: true) };
        switch (kind)
        {
            case "TaxonomyField":
                properties["TaxonomyContentItemId"] = new JsonObject { ["type"] = Nullable("string"), ["pattern"] = ContentIds.Pattern };
                break;
            case "LinkField":
                properties["Text"] = new JsonObject { ["type"] = Nullable("string") };
                properties["Target"] = new JsonObject { ["type"] = Nullable("string") };
                break;
            case "MediaField":
                properties["MediaTexts"] = new JsonObject { ["type"] = Nullable("array"), ["items"] = new JsonObject { ["type"] = "string" } };
                break;
        }
        return new JsonObject { ["type"] = "object", ["description"] = KindDescriptions[kind], ["properties"] = properties };
    }

    /// <summary>The field's own schema: its kind's, narrowed by its settings; identical to the kind's when nothing narrows it.</summary>
    private static JsonObject Own(ContentPartFieldDefinition field, SchemaMode mode, string? values)
    {
        var schema = Kind(field.FieldName);
        if (!FieldShapes.ByKind.TryGetValue(field.FieldName, out var shape))
        {
            return schema;
        }
        var required = mode == SchemaMode.Read && FieldShapes.IsRequired(field);
        var value = Value(field.FieldName, shape, nullable: !required);
        // A required value is present and not blank (the save's own test).
        switch (required ? value["type"]!.GetValue<string>() : null)
        {
            case "array":
                value["minItems"] = 1;
                break;
            case "string":
                value["pattern"] = "\\S";
                break;
        }
        Narrow(field, value);
        if (values is not null)
        {
            value = required ? RefTo(values) : OrNull(RefTo(values));
        }
        schema["properties"]![shape.Property] = value;
        if (required)
        {
            schema["required"] = new JsonArray(shape.Property);
        }
        return schema;
    }

    private static void Narrow(ContentPartFieldDefinition field, JsonObject value)
    {
        switch (field.FieldName)
        {
            case "TextField":
                if (field.Setting("FieldRules", "MaxLength") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt32(out var maxLength))
                {
                    value["maxLength"] = maxLength;
                }
                break;
            case "NumericField":
                if (Number(field.Setting("NumericFieldSettings", "Minimum")) is { } minimum)
                {
                    value["minimum"] = minimum;
                }
                if (Number(field.Setting("NumericFieldSettings", "Maximum")) is { } maximum)
                {
                    value["maximum"] = maximum;
                }
                break;
            case "ContentPickerField" when field.Setting("ContentPickerFieldSettings", "Multiple") is { ValueKind: JsonValueKind.False }:
            case "TaxonomyField" when field.Setting("TaxonomyFieldSettings", "Unique") is { ValueKind: JsonValueKind.True }:
                value["maxItems"] = 1;
                break;
        }
    }

    private static JsonObject Value(string kind, FieldShape shape, bool nullable)
    {
        var type = shape.Kinds[0] switch
        {
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Array => "array",
            _ => "string",
        };
        var value = new JsonObject { ["type"] = nullable ? Nullable(type) : type };
        switch (kind)
        {
            case "DateField" or "DateTimeField":
                value["format"] = "date-time";
                break;
            case "HtmlField":
                value["contentMediaType"] = "text/html";
                break;
            case "ContentPickerField" or "TaxonomyField":
                value["items"] = new JsonObject { ["type"] = "string", ["pattern"] = ContentIds.Pattern };
                value["maxItems"] = FieldShapes.MaxReferences;
                break;
            case "MediaField":
                value["items"] = new JsonObject { ["type"] = "string" };
                break;
        }
        return value;
    }

    private static JsonObject Annotate(JsonObject property, ContentPartFieldDefinition field)
    {
        property["title"] = field.DisplayName;
        var hint = field.Setting(field.FieldName + "Settings", "Hint") is { ValueKind: JsonValueKind.String } h ? h.GetString() : null;
        var taxonomy = field.Setting("TaxonomyFieldSettings", "TaxonomyContentItemId") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        var description = string.Join(" ", new[] { hint, taxonomy is null ? null : $"Terms of the taxonomy '{taxonomy}'." }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (description.Length > 0)
        {
            property["description"] = description;
        }
        return property;
    }

    private static List<(string Value, string Name)> Options(ContentPartFieldDefinition field) =>
        field.Setting("TextFieldPredefinedListEditorSettings", "Options") is { ValueKind: JsonValueKind.Array } options
            ? options.EnumerateArray()
                .Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(o => (o.GetProperty("value").GetString()!, o.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : o.GetProperty("value").GetString()!))
                .ToList()
            : [];

    private static decimal? Number(JsonElement? setting) => setting switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } e when decimal.TryParse(e.GetString(), CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
