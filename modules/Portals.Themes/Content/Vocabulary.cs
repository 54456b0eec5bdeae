using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Themes.Content;

/// <summary>
/// The words a page needs that live in the tenant's data: type names and field option names from the content
/// definitions, sector names from the <c>sector-taxonomy</c> item. Read per request; never kept across requests.
/// </summary>
public sealed class Vocabulary(ContentDefinitionSet definitions, IReadOnlyList<(string Id, string Label)> sectors)
{
    public const string SectorTaxonomyId = "sector-taxonomy";

    public IReadOnlyList<(string Id, string Label)> Sectors => sectors;

    public string TypeLabel(string type) => definitions.FindType(type)?.DisplayName is { Length: > 0 } name ? name : type;

    public string SectorLabel(string id) => sectors.FirstOrDefault(s => s.Id == id).Label ?? id;

    public string FieldLabel(string part, string field) =>
        definitions.FindPart(part)?.Fields.FirstOrDefault(f => f.Name == field)?.DisplayName ?? field;

    /// <summary>The editor-facing name of a predefined-list value (e.g. <c>dang-keu-goi</c> → "Đang kêu gọi").</summary>
    public string? OptionLabel(string part, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        return Options(part, field).FirstOrDefault(o => o.Value == value).Label ?? value;
    }

    /// <summary>The values a predefined-list field allows, in the definition's order.</summary>
    public IReadOnlyList<(string Value, string Label)> Options(string part, string field)
    {
        var definition = definitions.FindPart(part)?.Fields.FirstOrDefault(f => f.Name == field);
        if (definition?.Setting("TextFieldPredefinedListEditorSettings", "Options") is not { ValueKind: JsonValueKind.Array } options)
        {
            return [];
        }
        return options.EnumerateArray()
            .Where(o => o.ValueKind == JsonValueKind.Object)
            .Select(o => (Value: Str(o, "value"), Label: Str(o, "name")))
            .Where(o => o.Value is not null)
            .Select(o => (o.Value!, o.Label ?? o.Value!))
            .ToList();
    }

    public static Vocabulary From(ContentDefinitionSet definitions, ContentItem? taxonomy)
    {
        var sectors = taxonomy?.Part("TaxonomyPart")?["Terms"] is JsonArray terms
            ? terms.OfType<JsonObject>()
                .Select(t => (Id: Fields.String(t["ContentItemId"]), Label: Fields.String(t["DisplayText"]) ?? Fields.String(Fields.Member(t["TitlePart"], "Title"))))
                .Where(t => t.Id is not null)
                .Select(t => (t.Id!, t.Label ?? t.Id!))
                .ToList()
            : [];
        return new Vocabulary(definitions, sectors);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
