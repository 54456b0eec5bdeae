using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Tenants;

namespace Portals.Search.Indexing;

/// <summary>
/// Turns a published content item into what the index needs, reading the item through its type definition: every
/// part in the type's order, every field by its kind. Text a visitor reads on the page is searchable: the
/// <c>HtmlBodyPart</c>, each <c>TextField</c> and <c>HtmlField</c>; a <c>TextField</c> named <c>Summary</c> is the
/// summary; <c>TaxonomyField</c>s of the sector taxonomy feed the <c>sector</c> facet. Other kinds (numbers, dates,
/// media, links, pickers) are not text and stay out. A type without any of these fields simply has less to index.
/// </summary>
public static partial class SearchDocumentBuilder
{
    /// <summary>Created by the shared <c>sectors</c> recipe with this id in every tenant.</summary>
    public const string SectorTaxonomyId = "sector-taxonomy";

    /// <summary>The field name that marks a TextField as the summary shown in results.</summary>
    public const string SummaryFieldName = "Summary";

    /// <summary>Only types with a public page (title and path) are searchable; taxonomies and terms are not.</summary>
    public static bool IsSearchable(ContentTypeDefinition? type) =>
        type is not null && type.HasPart("TitlePart") && type.HasPart("AutoroutePart");

    /// <summary>
    /// <paramref name="sectorNames"/> (term id → title, from <see cref="SectorNames"/>) names the item's sectors for
    /// suggestions; without it the sectors are indexed by id only.
    /// </summary>
    public static SearchDocument Build(TenantContext tenant, ContentItem item, ContentDefinitionSet definitions,
        IReadOnlyDictionary<string, string>? sectorNames = null)
    {
        string? summary = null;
        var body = new StringBuilder();
        var sectors = new List<string>();
        foreach (var typePart in definitions.FindType(item.ContentType)?.Parts ?? [])
        {
            var part = item.Part(typePart.Name);
            if (typePart.PartName == "HtmlBodyPart")
            {
                AppendLine(body, PlainText(part?["Html"]));
                continue;
            }

            foreach (var field in definitions.FindPart(typePart.PartName)?.Fields ?? [])
            {
                // Stored JSON may predate a definition change: a value of another shape is skipped, never fatal.
                var value = part?[field.Name] as JsonObject;
                switch (field.FieldName)
                {
                    case "TextField" when summary is null && field.Name == SummaryFieldName:
                        summary = Text(value?["Text"]);
                        break;
                    case "TextField":
                        AppendLine(body, Text(value?["Text"]));
                        break;
                    case "HtmlField":
                        AppendLine(body, PlainText(value?["Html"]));
                        break;
                    case "TaxonomyField" when IsSectorField(field):
                        sectors.AddRange((value?["TermContentItemIds"] as JsonArray ?? []).Select(Text).OfType<string>());
                        break;
                }
            }
        }

        return new SearchDocument(
            tenant.Name,
            item.ContentItemId,
            item.ContentType,
            item.DisplayText ?? item.Title ?? "",
            summary,
            body.ToString(),
            tenant.PublicUrl(item.Path),
            item.PublishedUtc is { } published ? new DateTimeOffset(published, TimeSpan.Zero) : null,
            sectors.Distinct(StringComparer.Ordinal).ToList())
        {
            SectorNames = sectorNames is null
                ? new Dictionary<string, string>()
                : sectors.Where(sectorNames.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => sectorNames[id], StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The titles of the sector taxonomy's terms (nested ones too) by term id, as Orchard Core stores them in the
    /// taxonomy item; empty without it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SectorNames(ContentItem? taxonomy)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        CollectTerms(taxonomy?.Part("TaxonomyPart")?["Terms"] as JsonArray, names, depth: 0);
        return names;
    }

    private static void CollectTerms(JsonArray? terms, Dictionary<string, string> names, int depth)
    {
        if (terms is null || depth > 16)
        {
            return;
        }
        foreach (var term in terms.OfType<JsonObject>())
        {
            var title = Text(term["DisplayText"]) ?? Text((term["TitlePart"] as JsonObject)?["Title"]);
            if (Text(term["ContentItemId"]) is { Length: > 0 } id && !string.IsNullOrWhiteSpace(title))
            {
                names.TryAdd(id, title.Trim());
            }
            CollectTerms(term["Terms"] as JsonArray, names, depth + 1);
        }
    }

    /// <summary>HTML to text: scripts and styles dropped, tags become spaces, entities decoded.</summary>
    public static string PlainText(JsonNode? html)
    {
        var value = Text(html);
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var withoutCode = ScriptOrStyle().Replace(value, " ");
        var withoutTags = Tag().Replace(withoutCode, " ");
        return Whitespace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    private static bool IsSectorField(ContentPartFieldDefinition field) =>
        field.Setting("TaxonomyFieldSettings", "TaxonomyContentItemId") is { ValueKind: JsonValueKind.String } id
        && id.GetString() == SectorTaxonomyId;

    private static void AppendLine(StringBuilder body, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        if (body.Length > 0)
        {
            body.Append('\n');
        }
        body.Append(text);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("[ \\t\\r\\n\\u00a0]+")]
    private static partial Regex Whitespace();
}
