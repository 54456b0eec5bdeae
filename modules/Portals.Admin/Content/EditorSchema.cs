using System.Globalization;
using System.Text.Json;
using Portals.Core.Definitions;

namespace Portals.Admin.Content;

/// <summary>The widget an input of a generated editor gets.</summary>
public enum FieldKind
{
    Title,
    Path,
    Body,
    Text,
    TextArea,
    Select,
    Html,
    Number,
    Date,
    DateTime,
    Time,
    Boolean,
    ContentPicker,
    Taxonomy,
    Link,
    Media,
    Other,
}

public sealed record FieldOption(string Value, string Name);

/// <summary>
/// One input of an editor generated from the definitions. <see cref="Key"/> (<c>Part.Field</c>) is the input's name
/// and the key of the store's validation errors, so each message lands next to its field.
/// </summary>
public sealed record EditorField(string Key, string PartName, string? FieldName, FieldKind Kind, string Label)
{
    /// <summary>For the built-in parts (title, path, body): ContentText keys instead of texts from the definitions.</summary>
    public string? LabelKey { get; init; }
    public string? HintKey { get; init; }
    public string? Hint { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<FieldOption> Options { get; init; } = [];
    public string? DefaultValue { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public int? Scale { get; init; }
    public int? MaxLength { get; init; }
    public bool Multiple { get; init; }
    public IReadOnlyList<string> PickerTypes { get; init; } = [];
    public string? TaxonomyId { get; init; }

    /// <summary>The element id: <c>f-InvestmentCall-Location</c>.</summary>
    public string Id => "f-" + Key.Replace('.', '-');
}

/// <summary>Reads a type's definition into the editor's inputs: the type's parts in order, each part's fields by position.</summary>
public static class EditorSchema
{
    public static IReadOnlyList<EditorField> For(ContentTypeDefinition type, ContentDefinitionSet definitions)
    {
        var fields = new List<EditorField>();
        foreach (var typePart in type.Parts)
        {
            switch (typePart.PartName)
            {
                case "TitlePart":
                    fields.Add(new("TitlePart.Title", typePart.Name, null, FieldKind.Title, "Title") { LabelKey = "Field.Title", Required = true, MaxLength = 500 });
                    break;
                case "AutoroutePart" when Flag(typePart.Settings, "AutoroutePartSettings", "AllowCustomPath"):
                    fields.Add(new("AutoroutePart.Path", typePart.Name, null, FieldKind.Path, "Path") { LabelKey = "Field.Path", HintKey = "Field.PathHint" });
                    break;
                case "HtmlBodyPart":
                    fields.Add(new("HtmlBodyPart.Html", typePart.Name, null, FieldKind.Body, "Body") { LabelKey = "Field.Body" });
                    break;
            }
            var part = definitions.FindPart(typePart.PartName);
            foreach (var field in part?.Fields.OrderBy(Position) ?? Enumerable.Empty<ContentPartFieldDefinition>())
            {
                fields.Add(Field(typePart.Name, field));
            }
        }
        return fields;
    }

    private static EditorField Field(string partName, ContentPartFieldDefinition field)
    {
        var group = field.FieldName + "Settings";
        var kind = field.FieldName switch
        {
            "TextField" when Options(field).Count > 0 => FieldKind.Select,
            "TextField" when Editor(field) is "TextArea" or "Multiline" || MaxLength(field) >= 1000 => FieldKind.TextArea,
            "TextField" => FieldKind.Text,
            "HtmlField" => FieldKind.Html,
            "NumericField" => FieldKind.Number,
            "DateField" => FieldKind.Date,
            "DateTimeField" => FieldKind.DateTime,
            "TimeField" => FieldKind.Time,
            "BooleanField" => FieldKind.Boolean,
            "ContentPickerField" => FieldKind.ContentPicker,
            "TaxonomyField" => FieldKind.Taxonomy,
            "LinkField" => FieldKind.Link,
            "MediaField" => FieldKind.Media,
            _ => FieldKind.Other,
        };
        return new EditorField($"{partName}.{field.Name}", partName, field.Name, kind, field.DisplayName)
        {
            Hint = String(field.Setting(group, "Hint")),
            Required = field.Setting(group, "Required") is { ValueKind: JsonValueKind.True },
            Options = Options(field),
            DefaultValue = String(field.Setting("TextFieldPredefinedListEditorSettings", "DefaultValue")) ?? String(field.Setting(group, "DefaultValue")),
            Minimum = Number(field.Setting(group, "Minimum")),
            Maximum = Number(field.Setting(group, "Maximum")),
            Scale = Number(field.Setting(group, "Scale")) is { } scale ? (int)scale : null,
            MaxLength = MaxLength(field),
            Multiple = kind switch
            {
                FieldKind.ContentPicker or FieldKind.Media => field.Setting(group, "Multiple") is not { ValueKind: JsonValueKind.False },
                FieldKind.Taxonomy => field.Setting(group, "Unique") is not { ValueKind: JsonValueKind.True },
                _ => false,
            },
            PickerTypes = field.Setting(group, "DisplayedContentTypes") is { ValueKind: JsonValueKind.Array } types
                ? types.EnumerateArray().Select(t => t.GetString()).OfType<string>().ToList() : [],
            TaxonomyId = String(field.Setting(group, "TaxonomyContentItemId")),
        };
    }

    private static List<FieldOption> Options(ContentPartFieldDefinition field) =>
        field.Setting("TextFieldPredefinedListEditorSettings", "Options") is { ValueKind: JsonValueKind.Array } options
            ? options.EnumerateArray()
                .Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(o => new FieldOption(o.GetProperty("value").GetString()!,
                    o.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : o.GetProperty("value").GetString()!))
                .ToList()
            : [];

    private static string? Editor(ContentPartFieldDefinition field) =>
        String(field.Setting("ContentPartFieldSettings", "Editor")) ?? String(field.Setting("TextFieldSettings", "Editor"));

    private static int? MaxLength(ContentPartFieldDefinition field) =>
        field.Setting("FieldRules", "MaxLength") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt32(out var length) ? length : null;

    private static decimal Position(ContentPartFieldDefinition field) =>
        Number(field.Setting("ContentPartFieldSettings", "Position")) ?? decimal.MaxValue;

    private static bool Flag(JsonElement settings, string group, string name) =>
        settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty(group, out var g) && g.ValueKind == JsonValueKind.Object
        && g.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? String(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e && e.GetString() is { Length: > 0 } text ? text : null;

    private static decimal? Number(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } e when decimal.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
