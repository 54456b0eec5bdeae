using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Tenants;

namespace Portals.Search.Indexing;

/// <summary>Turns a published content item into what the index needs: title, summary, plain-text body, sectors, URL.</summary>
public static partial class SearchDocumentBuilder
{
    /// <summary>Only types with a public page (title and path) are searchable; taxonomies and terms are not.</summary>
    public static bool IsSearchable(ContentTypeDefinition? type) =>
        type is not null && type.HasPart("TitlePart") && type.HasPart("AutoroutePart");

    public static SearchDocument Build(TenantContext tenant, ContentItem item, ContentDefinitionSet definitions)
    {
        var own = item.Part(item.ContentType);
        var body = new StringBuilder(PlainText(item.Part("HtmlBodyPart")?["Html"]));
        var ownPart = definitions.FindPart(item.ContentType);
        foreach (var field in ownPart?.Fields ?? [])
        {
            // Text a visitor reads on the page (location, agency, incentives…) is searchable too; the summary has its own field.
            var text = field.FieldName switch
            {
                "TextField" when field.Name != "Summary" => Text(own?[field.Name]?["Text"]),
                "HtmlField" => PlainText(own?[field.Name]?["Html"]),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                body.Append('\n').Append(text);
            }
        }
        var sectors = own?["Sector"]?["TermContentItemIds"] is JsonArray terms
            ? terms.Select(t => Text(t)).OfType<string>().Distinct().ToList()
            : [];
        return new SearchDocument(
            tenant.Name,
            item.ContentItemId,
            item.ContentType,
            item.DisplayText ?? item.Title ?? "",
            Text(own?["Summary"]?["Text"]),
            body.ToString(),
            tenant.PublicUrl(item.Path),
            item.PublishedUtc is { } published ? new DateTimeOffset(published, TimeSpan.Zero) : null,
            sectors);
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

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("[ \\t\\r\\n\\u00a0]+")]
    private static partial Regex Whitespace();
}
