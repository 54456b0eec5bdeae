using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Definitions;

namespace Portals.Core.Validation;

/// <summary>The shape and settings rules of each field kind, with messages in Vietnamese for editors.</summary>
internal static class FieldRules
{
    private static IReadOnlyDictionary<string, FieldShape> Shapes => FieldShapes.ByKind;

    public static void Check(string partName, ContentPartFieldDefinition field, JsonObject? part, ContentPartDefinition partDefinition,
        TaxonomyTermLookup? terms, List<FieldError> errors)
    {
        var key = $"{partName}.{field.Name}";
        var label = field.DisplayName;
        var node = part?[field.Name];
        if (node is not null and not JsonObject)
        {
            errors.Add(new(key, $"Trường “{label}” phải là một đối tượng JSON (ví dụ {{\"{ShapeProperty(field)}\": …}})."));
            return;
        }
        JsonNode? value = null;
        if (Shapes.TryGetValue(field.FieldName, out var shape))
        {
            value = node?[shape.Property];
            if (value is not null && !shape.Kinds.Contains(value.GetValueKind()))
            {
                errors.Add(new(key, $"Trường “{label}”: '{shape.Property}' có kiểu dữ liệu không hợp lệ."));
                return;
            }
            if (value is JsonArray array && array.Any(e => e is null || e.GetValueKind() != JsonValueKind.String))
            {
                errors.Add(new(key, $"Trường “{label}”: '{shape.Property}' chỉ chứa các chuỗi ký tự."));
                return;
            }
        }

        if (field.FieldName is "ContentPickerField" or "TaxonomyField" && !ReferenceRules.Check(key, label, field, (JsonObject?)node, terms, errors))
        {
            return;
        }
        if (IsEmpty(value))
        {
            if (IsRequired(field))
            {
                errors.Add(new(key, $"Trường “{label}” là bắt buộc."));
            }
            return;
        }
        CheckValue(key, label, field, value!, part!, partDefinition, errors);
    }

    private static void CheckValue(string key, string label, ContentPartFieldDefinition field, JsonNode value, JsonObject part, ContentPartDefinition partDefinition, List<FieldError> errors)
    {
        switch (field.FieldName)
        {
            case "TextField":
                var text = value.GetValue<string>();
                if (field.Setting("FieldRules", "MaxLength") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt32(out var maxLength)
                    && text.Length > maxLength)
                {
                    errors.Add(new(key, $"Trường “{label}” không được dài quá {maxLength} ký tự (hiện có {text.Length})."));
                }
                if (field.Setting("TextFieldPredefinedListEditorSettings", "Options") is { ValueKind: JsonValueKind.Array } options)
                {
                    var allowed = options.EnumerateArray().Select(o => o.TryGetProperty("value", out var v) ? v.GetString() : null).ToList();
                    if (allowed.Count > 0 && !allowed.Contains(text))
                    {
                        errors.Add(new(key, $"Trường “{label}” chỉ nhận một trong các giá trị: {string.Join(", ", allowed)}."));
                    }
                }
                break;
            case "NumericField":
                // A JSON number outside decimal's range (e.g. 1e400) is the sender's error, not a server fault.
                if (Number(value) is not { } number)
                {
                    errors.Add(new(key, $"Trường “{label}” không phải là một số hợp lệ."));
                    return;
                }
                if (Decimal(field.Setting("NumericFieldSettings", "Minimum")) is { } min && number < min)
                {
                    errors.Add(new(key, $"Trường “{label}” phải lớn hơn hoặc bằng {min.ToString(CultureInfo.InvariantCulture)}."));
                }
                if (Decimal(field.Setting("NumericFieldSettings", "Maximum")) is { } maximum && number > maximum)
                {
                    errors.Add(new(key, $"Trường “{label}” phải nhỏ hơn hoặc bằng {maximum.ToString(CultureInfo.InvariantCulture)}."));
                }
                break;
            case "DateField" or "DateTimeField":
                if (ParseDate(value) is null)
                {
                    errors.Add(new(key, $"Trường “{label}” không phải là ngày hợp lệ (định dạng ISO 8601, ví dụ 2021-12-31)."));
                }
                break;
            case "LinkField":
                if (!HtmlPolicy.IsSafeUrl(value.GetValue<string>()))
                {
                    errors.Add(new(key, $"Trường “{label}” không phải là địa chỉ hợp lệ: chỉ nhận http, https, mailto, tel hoặc đường dẫn tương đối."));
                }
                break;
        }
        CheckOrder(key, label, field, value, part, partDefinition, errors);
    }

    /// <summary><c>FieldRules.NotBefore</c>: this value may not precede the named sibling field's.</summary>
    private static void CheckOrder(string key, string label, ContentPartFieldDefinition field, JsonNode value, JsonObject part, ContentPartDefinition partDefinition, List<FieldError> errors)
    {
        if (field.Setting("FieldRules", "NotBefore") is not { ValueKind: JsonValueKind.String } other)
        {
            return;
        }
        var otherField = partDefinition.Fields.FirstOrDefault(f => f.Name == other.GetString());
        var otherValue = otherField is not null && Shapes.TryGetValue(otherField.FieldName, out var shape) && part[otherField.Name] is JsonObject sibling
            ? sibling[shape.Property] : null;
        if (otherField is null || IsEmpty(otherValue))
        {
            return;
        }
        // The sibling may itself be invalid (e.g. 1e400, beyond decimal): its own rule reports it, so no order is checked.
        var before = field.FieldName == "NumericField"
            ? Number(value) is { } mine && Number(otherValue!) is { } theirs && mine < theirs
            : ParseDate(value) is { } mineDate && ParseDate(otherValue!) is { } theirsDate && mineDate < theirsDate;
        if (before)
        {
            errors.Add(new(key, $"Trường “{label}” không được trước “{otherField.DisplayName}”."));
        }
    }

    private static string ShapeProperty(ContentPartFieldDefinition field) =>
        Shapes.TryGetValue(field.FieldName, out var shape) ? shape.Property : "Value";

    internal static bool IsRequired(ContentPartFieldDefinition field) => FieldShapes.IsRequired(field);

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()),
        _ => false,
    };

    /// <summary>The number as decimal, from its JSON text so that parsed and code-built values agree; null beyond decimal's range.</summary>
    private static decimal? Number(JsonNode value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>A numeric setting; one beyond decimal's range counts as unset rather than failing every save.</summary>
    private static decimal? Decimal(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } e when decimal.TryParse(e.GetString(), CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    internal static DateTimeOffset? ParseDate(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date : null;
}
