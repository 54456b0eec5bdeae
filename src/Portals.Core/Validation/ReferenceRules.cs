using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Validation;

/// <summary>
/// Content pickers and taxonomy fields hold ids of other items. Every id must be a valid content item id (so that one
/// 40,000-character "id" cannot reach the search index), and a taxonomy field's terms must exist in its taxonomy.
/// </summary>
internal static class ReferenceRules
{
    /// <summary>More would be a list, not a reference; it also bounds what one field can add to the indexes.</summary>
    public const int MaxReferences = FieldShapes.MaxReferences;

    /// <summary>Returns false when it reported an error, so the field's other rules are skipped.</summary>
    public static bool Check(string key, string label, ContentPartFieldDefinition field, JsonObject? node, TaxonomyTermLookup? terms, List<FieldError> errors)
    {
        var picker = field.FieldName == "ContentPickerField";
        var ids = (node?[picker ? "ContentItemIds" : "TermContentItemIds"] as JsonArray)?.Select(e => e!.GetValue<string>()).ToList() ?? [];
        var single = picker
            ? field.Setting("ContentPickerFieldSettings", "Multiple") is { ValueKind: JsonValueKind.False }
            : field.Setting("TaxonomyFieldSettings", "Unique") is { ValueKind: JsonValueKind.True };
        var max = single ? 1 : MaxReferences;
        if (ids.Count > max)
        {
            errors.Add(new(key, $"Trường “{label}” chỉ nhận tối đa {max} mục (hiện có {ids.Count})."));
            return false;
        }
        var position = ids.FindIndex(id => !ContentIds.IsValid(id));
        if (position >= 0)
        {
            errors.Add(new(key, $"Trường “{label}”: mã thứ {position + 1} không hợp lệ (chỉ gồm chữ, số, '-' hoặc '_', tối đa 64 ký tự)."));
            return false;
        }
        return picker || CheckTerms(key, label, field, node, ids, terms, errors);
    }

    private static bool CheckTerms(string key, string label, ContentPartFieldDefinition field, JsonObject? node, List<string> ids, TaxonomyTermLookup? terms, List<FieldError> errors)
    {
        var configured = field.Setting("TaxonomyFieldSettings", "TaxonomyContentItemId") is { ValueKind: JsonValueKind.String } setting ? setting.GetString() : null;
        var named = node?["TaxonomyContentItemId"];
        string? given = null;
        if (named is not null && (named.GetValueKind() != JsonValueKind.String || !ContentIds.IsValid(given = named.GetValue<string>())))
        {
            errors.Add(new(key, $"Trường “{label}”: 'TaxonomyContentItemId' phải là mã nội dung hợp lệ."));
            return false;
        }
        if (configured is not null && given is not null && given != configured)
        {
            errors.Add(new(key, $"Trường “{label}” thuộc danh mục '{configured}', không phải '{given}'."));
            return false;
        }
        var taxonomy = configured ?? given;
        if (terms is null || taxonomy is null || ids.Count == 0)
        {
            return true;
        }
        if (terms(taxonomy) is not { } known)
        {
            errors.Add(new(key, $"Trường “{label}”: danh mục '{taxonomy}' không tồn tại."));
            return false;
        }
        var unknown = ids.Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new(key, $"Trường “{label}”: thuật ngữ {string.Join(", ", unknown.Take(5).Select(u => $"'{u}'"))} không có trong danh mục '{taxonomy}'."));
            return false;
        }
        return true;
    }
}
