using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Validation;

/// <summary>One problem with one field, keyed like <c>InvestmentCall.Deadline</c>.</summary>
public sealed record FieldError(string Key, string Message);

/// <summary>The term ids of a taxonomy content item, or null when no such item exists.</summary>
public delegate IReadOnlySet<string>? TaxonomyTermLookup(string taxonomyContentItemId);

/// <summary>
/// Validates an item against its type definition: text free of control characters, field shapes, then the rules in
/// field settings. With <paramref name="terms"/>, taxonomy terms must exist in their taxonomy.
/// </summary>
public static class ContentValidator
{
    public static IReadOnlyList<FieldError> Validate(ContentItem item, ContentDefinitionSet definitions, TaxonomyTermLookup? terms = null)
    {
        var errors = new List<FieldError>();
        TextRules.CheckControlCharacters(item.Data, errors);
        if (string.IsNullOrWhiteSpace(item.ContentType))
        {
            errors.Add(new("ContentType", "Thiếu loại nội dung (ContentType)."));
            return errors;
        }
        var type = definitions.FindType(item.ContentType);
        if (type is null)
        {
            errors.Add(new("ContentType", $"Loại nội dung '{item.ContentType}' không tồn tại."));
            return errors;
        }
        foreach (var typePart in type.Parts)
        {
            var node = item.Data[typePart.Name];
            if (node is not null and not JsonObject)
            {
                errors.Add(new(typePart.Name, $"Phần '{typePart.Name}' phải là một đối tượng JSON."));
                continue;
            }
            var part = node as JsonObject;
            ValidateWellKnownPart(typePart, part, errors);
            var partDefinition = definitions.FindPart(typePart.PartName);
            if (partDefinition is null)
            {
                continue;
            }
            foreach (var field in partDefinition.Fields)
            {
                FieldRules.Check(typePart.Name, field, part, partDefinition, terms, errors);
            }
        }
        return errors;
    }

    /// <summary>The taxonomies the item's taxonomy fields name, in their settings or their values, to load before validating.</summary>
    public static IEnumerable<string> TaxonomiesOf(ContentItem item, ContentDefinitionSet definitions)
    {
        var type = definitions.FindType(item.ContentType);
        foreach (var typePart in type?.Parts ?? [])
        {
            foreach (var field in definitions.FindPart(typePart.PartName)?.Fields.Where(f => f.FieldName == "TaxonomyField") ?? [])
            {
                if (field.Setting("TaxonomyFieldSettings", "TaxonomyContentItemId") is { ValueKind: JsonValueKind.String } setting
                    && ContentIds.IsValid(setting.GetString()))
                {
                    yield return setting.GetString()!;
                }
                if ((item.Part(typePart.Name)?[field.Name] as JsonObject)?["TaxonomyContentItemId"] is JsonValue value
                    && value.TryGetValue(out string? named) && ContentIds.IsValid(named))
                {
                    yield return named;
                }
            }
        }
    }

    private static void ValidateWellKnownPart(ContentTypePartDefinition typePart, JsonObject? part, List<FieldError> errors)
    {
        switch (typePart.PartName)
        {
            case "TitlePart":
                var title = part?["Title"];
                if (title is not null && title.GetValueKind() != JsonValueKind.String)
                {
                    errors.Add(new("TitlePart.Title", "Tiêu đề phải là chuỗi ký tự."));
                }
                else if (string.IsNullOrWhiteSpace(title?.GetValue<string>()))
                {
                    errors.Add(new("TitlePart.Title", "Tiêu đề là bắt buộc."));
                }
                else if (title.GetValue<string>().Length > 500)
                {
                    errors.Add(new("TitlePart.Title", "Tiêu đề không được dài quá 500 ký tự."));
                }
                break;
            case "AutoroutePart":
                RequireStringOrNull(part, "Path", "AutoroutePart.Path", errors);
                break;
            case "HtmlBodyPart":
                RequireStringOrNull(part, "Html", "HtmlBodyPart.Html", errors);
                break;
        }
    }

    private static void RequireStringOrNull(JsonObject? part, string property, string key, List<FieldError> errors)
    {
        var value = part?[property];
        if (value is not null && value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new(key, $"'{key}' phải là chuỗi ký tự."));
        }
    }
}
