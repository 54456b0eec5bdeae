using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Portals.Core.Content;

namespace Portals.Admin.Content;

/// <summary>A field as a reader sees it: plain text (for the diff), and for rich text the stored, sanitized HTML (for the preview).</summary>
public sealed record ShownField(EditorField Field, string Text, string? Html);

/// <summary>Titles of the terms and items an item refers to, loaded once for a page.</summary>
public sealed record DisplayLookups(IReadOnlyDictionary<string, string> Terms, IReadOnlyDictionary<string, string> Items)
{
    public static async Task<DisplayLookups> LoadAsync(IContentReader reader, IReadOnlyList<EditorField> fields, IEnumerable<EditorValues> values, CancellationToken cancellationToken)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var taxonomy in fields.Where(f => f.Kind == FieldKind.Taxonomy).Select(f => f.TaxonomyId ?? TaxonomyTerms.SectorTaxonomyId).Distinct())
        {
            foreach (var term in await TaxonomyTerms.LoadAsync(reader, taxonomy, cancellationToken))
            {
                terms.TryAdd(term.Id, term.Title);
            }
        }
        var picked = values.SelectMany(v => fields.Where(f => f.Kind == FieldKind.ContentPicker).SelectMany(f => v.All(f.Key)))
            .Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var items = (await reader.GetManyAsync(picked, VersionOptions.Latest, cancellationToken))
            .ToDictionary(i => i.ContentItemId, i => i.DisplayText ?? i.ContentItemId, StringComparer.Ordinal);
        return new DisplayLookups(terms, items);
    }
}

/// <summary>Turns field values into readable text: option names, term and item titles, yes/no, rich text as paragraphs.</summary>
public static partial class FieldDisplay
{
    public static IReadOnlyList<ShownField> Show(ContentItem item, IReadOnlyList<EditorField> fields, DisplayLookups lookups, IStringLocalizer<ContentText> text)
    {
        var values = EditorValues.FromItem(item, fields);
        return fields.Where(f => f.Kind != FieldKind.Other).Select(field =>
        {
            var value = values.Get(field.Key);
            var all = values.All(field.Key).Where(v => v.Length > 0);
            return field.Kind switch
            {
                FieldKind.Body or FieldKind.Html => new ShownField(field, PlainText(value), value),
                FieldKind.Select => new ShownField(field, field.Options.FirstOrDefault(o => o.Value == value)?.Name ?? value, null),
                FieldKind.Boolean => new ShownField(field, value == "true" ? text["Shared.Yes"] : text["Shared.No"], null),
                FieldKind.Taxonomy => new ShownField(field, string.Join("; ", all.Select(id => lookups.Terms.GetValueOrDefault(id, id))), null),
                FieldKind.ContentPicker => new ShownField(field, string.Join("; ", all.Select(id => lookups.Items.GetValueOrDefault(id, id))), null),
                FieldKind.Link => new ShownField(field, Link(values.Get(EditorValues.LinkTextName(field)), value), null),
                FieldKind.Path => new ShownField(field, value.Length == 0 ? "" : "/" + value, null),
                _ => new ShownField(field, value, null),
            };
        }).ToList();
    }

    /// <summary>HTML as text with one line per paragraph, heading or list item; entities decoded, tags dropped.</summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        var lines = BlockEnd().Replace(html, "\n");
        lines = ListItem().Replace(lines, "• ");
        var text = WebUtility.HtmlDecode(Tag().Replace(lines, ""));
        return string.Join('\n', text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    private static string Link(string linkText, string url) =>
        url.Length == 0 ? linkText : linkText.Length == 0 ? url : $"{linkText} ({url})";

    [GeneratedRegex("</(p|h[1-6]|li|blockquote|div|tr)\\s*>|<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<li[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("[ \\t\\r\\u00a0]+")]
    private static partial Regex Spaces();
}
