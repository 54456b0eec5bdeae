using System.Text.Json;
using Portals.Core.Definitions;

namespace Portals.Core.Validation;

/// <summary>The JSON property holding a field kind's value, and the JSON kinds that value may have.</summary>
public sealed record FieldShape(string Property, IReadOnlyList<JsonValueKind> Kinds);

/// <summary>
/// The value shape of every field kind the save checks (Orchard Core's field JSON). One table serves the validator and
/// the API's OpenAPI schemas, so what the document promises is what the save accepts.
/// </summary>
public static class FieldShapes
{
    /// <summary>The most ids a content picker or taxonomy field holds: more would be a list, not a reference.</summary>
    public const int MaxReferences = 100;

    public static readonly IReadOnlyDictionary<string, FieldShape> ByKind = new Dictionary<string, FieldShape>(StringComparer.Ordinal)
    {
        ["TextField"] = new("Text", [JsonValueKind.String]),
        ["HtmlField"] = new("Html", [JsonValueKind.String]),
        ["NumericField"] = new("Value", [JsonValueKind.Number]),
        ["BooleanField"] = new("Value", [JsonValueKind.True, JsonValueKind.False]),
        ["DateField"] = new("Value", [JsonValueKind.String]),
        ["DateTimeField"] = new("Value", [JsonValueKind.String]),
        ["TimeField"] = new("Value", [JsonValueKind.String]),
        ["ContentPickerField"] = new("ContentItemIds", [JsonValueKind.Array]),
        ["TaxonomyField"] = new("TermContentItemIds", [JsonValueKind.Array]),
        ["LinkField"] = new("Url", [JsonValueKind.String]),
        ["MediaField"] = new("Paths", [JsonValueKind.Array]),
    };

    /// <summary>Orchard Core's <c>{Kind}Settings.Required</c>: the save refuses the item without a value.</summary>
    public static bool IsRequired(ContentPartFieldDefinition field) =>
        field.Setting(field.FieldName + "Settings", "Required") is { ValueKind: JsonValueKind.True };
}
