using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Portals.Admin.Http;
using Portals.Core.Content;
using Portals.Core.Validation;

namespace Portals.Admin.Content;

/// <summary>
/// The strings an editor's inputs hold, by input name: read from an item (to show it) or from the posted form (to
/// show again exactly what was typed when the save is refused). <see cref="ApplyTo"/> writes them into an item in
/// Orchard Core's field shapes; what cannot be read (a number, a date) is reported under the field's key.
/// </summary>
public sealed class EditorValues
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal);

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public string Get(string name) => All(name) is { Count: > 0 } values ? values[0] : "";

    public bool Has(string name, string value) => All(name).Contains(value, StringComparer.Ordinal);

    /// <summary>The link text input of a LinkField, beside its URL input (named by the key).</summary>
    public static string LinkTextName(EditorField field) => field.Key + ".Text";

    public static EditorValues FromForm(IFormCollection form, IReadOnlyList<EditorField> fields)
    {
        var values = new EditorValues();
        foreach (var field in fields)
        {
            values.Set(field.Key, form[field.Key].OfType<string>());
            if (field.Kind == FieldKind.Link)
            {
                values.Set(LinkTextName(field), form[LinkTextName(field)].OfType<string>());
            }
        }
        return values;
    }

    public static EditorValues FromItem(ContentItem item, IReadOnlyList<EditorField> fields)
    {
        var values = new EditorValues();
        foreach (var field in fields)
        {
            var node = field.FieldName is null ? null : item.Part(field.PartName)?[field.FieldName] as JsonObject;
            switch (field.Kind)
            {
                case FieldKind.Title: values.Set(field.Key, [item.Title]); break;
                case FieldKind.Path: values.Set(field.Key, [item.Path]); break;
                case FieldKind.Body: values.Set(field.Key, [Text(item.Part(field.PartName)?["Html"])]); break;
                case FieldKind.Text or FieldKind.TextArea or FieldKind.Select: values.Set(field.Key, [Text(node?["Text"])]); break;
                case FieldKind.Html: values.Set(field.Key, [Text(node?["Html"])]); break;
                case FieldKind.Number: values.Set(field.Key, [node?["Value"] is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? n.ToJsonString() : null]); break;
                case FieldKind.Boolean: values.Set(field.Key, [node?["Value"] is JsonValue b && b.TryGetValue(out bool on) && on ? "true" : null]); break;
                case FieldKind.Date: values.Set(field.Key, [Date(node?["Value"]) is { } date ? AdminFormat.Date(DateOnly.FromDateTime(date.UtcDateTime)) : Text(node?["Value"])]); break;
                case FieldKind.DateTime: values.Set(field.Key, [Date(node?["Value"]) is { } at ? AdminFormat.Timestamp(at.UtcDateTime) : Text(node?["Value"])]); break;
                case FieldKind.Time: values.Set(field.Key, [Text(node?["Value"]) is { Length: >= 5 } time ? time[..5] : null]); break;
                case FieldKind.ContentPicker: values.Set(field.Key, Strings(node?["ContentItemIds"])); break;
                case FieldKind.Taxonomy: values.Set(field.Key, Strings(node?["TermContentItemIds"])); break;
                case FieldKind.Media: values.Set(field.Key, [string.Join(", ", Strings(node?["Paths"]))]); break;
                case FieldKind.Link:
                    values.Set(field.Key, [Text(node?["Url"])]);
                    values.Set(LinkTextName(field), [Text(node?["Text"])]);
                    break;
            }
        }
        return values;
    }

    /// <summary>A new item's inputs: predefined defaults (e.g. the first status of a select).</summary>
    public static EditorValues Defaults(IReadOnlyList<EditorField> fields)
    {
        var values = new EditorValues();
        foreach (var field in fields.Where(f => f.DefaultValue is not null))
        {
            values.Set(field.Key, [field.DefaultValue]);
        }
        return values;
    }

    /// <summary>Writes every input into <paramref name="item"/>; returns the inputs that could not be read (left unchanged).</summary>
    public IReadOnlyList<FieldError> ApplyTo(ContentItem item, IReadOnlyList<EditorField> fields, IStringLocalizer<ContentText> text)
    {
        var errors = new List<FieldError>();
        foreach (var field in fields)
        {
            var value = Get(field.Key).Trim();
            var empty = value.Length == 0;
            switch (field.Kind)
            {
                case FieldKind.Title: item.Title = Get(field.Key).Trim(); break;
                case FieldKind.Path: item.Path = value; break;
                case FieldKind.Body: item.GetOrCreatePart(field.PartName)["Html"] = Get(field.Key); break;
                case FieldKind.Text or FieldKind.TextArea or FieldKind.Select: Field(item, field)["Text"] = empty ? null : Get(field.Key).Trim(); break;
                case FieldKind.Html: Field(item, field)["Html"] = empty ? null : Get(field.Key); break;
                case FieldKind.Boolean: Field(item, field)["Value"] = Has(field.Key, "true"); break;
                case FieldKind.ContentPicker: Field(item, field)["ContentItemIds"] = Array(All(field.Key)); break;
                case FieldKind.Media: Field(item, field)["Paths"] = Array(value.Split(MediaSeparators)); break;
                case FieldKind.Taxonomy:
                    var terms = Field(item, field);
                    terms["TermContentItemIds"] = Array(All(field.Key));
                    if (field.TaxonomyId is not null)
                    {
                        terms["TaxonomyContentItemId"] = field.TaxonomyId;
                    }
                    break;
                case FieldKind.Link:
                    var link = Field(item, field);
                    link["Url"] = empty ? null : value;
                    link["Text"] = Get(LinkTextName(field)).Trim() is { Length: > 0 } linkText ? linkText : null;
                    break;
                case FieldKind.Number when empty || ParseNumber(value) is not null:
                    Field(item, field)["Value"] = empty ? null : JsonValue.Create(ParseNumber(value)!.Value);
                    break;
                case FieldKind.Date when empty || AdminFormat.TryParseDate(value, out _):
                    Field(item, field)["Value"] = empty ? null : ParseDay(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
                    break;
                case FieldKind.DateTime when empty || EditorFormat.TryParseLocalTimestamp(value, out _):
                    Field(item, field)["Value"] = EditorFormat.TryParseLocalTimestamp(value, out var utc)
                        ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
                    break;
                case FieldKind.Time when empty || TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    Field(item, field)["Value"] = empty ? null : TimeOnly.ParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                    break;
                case FieldKind.Number: errors.Add(new(field.Key, text["Field.NumberInvalid", field.Label, value])); break;
                case FieldKind.Date: errors.Add(new(field.Key, text["Field.DateInvalid", field.Label, value])); break;
                case FieldKind.DateTime: errors.Add(new(field.Key, text["Field.DateTimeInvalid", field.Label, value])); break;
                case FieldKind.Time: errors.Add(new(field.Key, text["Field.TimeInvalid", field.Label, value])); break;
            }
        }
        return errors;
    }

    /// <summary>A decimal typed with a point or, Vietnamese style, a comma.</summary>
    public static decimal? ParseNumber(string text)
    {
        var normalized = text.Contains('.', StringComparison.Ordinal) ? text : text.Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            // Without trailing zeros: 120.50 is stored as 120.5.
            ? number / 1.0000000000000000000000000000m : null;
    }

    private static DateOnly ParseDay(string text) => AdminFormat.TryParseDate(text, out var day) ? day : default;

    private void Set(string name, IEnumerable<string?> values) =>
        _values[name] = values.Select(v => v ?? "").Where((v, i) => i == 0 || v.Length > 0).ToList();

    private static JsonObject Field(ContentItem item, EditorField field)
    {
        var part = item.GetOrCreatePart(field.PartName);
        if (part[field.FieldName!] is not JsonObject node)
        {
            node = [];
            part[field.FieldName!] = node;
        }
        return node;
    }

    // The media picker's input holds "a.pdf, b.pdf" (the media module's MediaField contract); a pasted list may have one
    // path per line. Media paths are slugs, so neither character can be part of one.
    private static readonly char[] MediaSeparators = [',', '\n'];

    private static JsonArray Array(IEnumerable<string> values) =>
        new(values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>() : [];

    private static DateTimeOffset? Date(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}

/// <summary>Date-times as typed in the admin: dd/MM/yyyy HH:mm in Vietnam time (a date alone is midnight).</summary>
public static class EditorFormat
{
    public static bool TryParseLocalTimestamp(string? text, out DateTime utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text?.Trim(), ["dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "dd/MM/yyyy H:mm", "dd/MM/yyyy", "d/M/yyyy"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        utc = AdminFormat.ToUtc(local);
        return true;
    }
}
