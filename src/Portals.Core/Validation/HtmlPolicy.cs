using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Validation;

/// <summary>
/// What HTML and links may hold. Rich text is sanitized on every write (and on export, for items stored before this
/// rule) to what editors need: headings, lists, tables, links, images, figures. No scripts, event handlers, styles,
/// frames or forms; URLs only http, https, mailto, tel or relative.
/// </summary>
public static partial class HtmlPolicy
{
    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    // Configured once and then only read: HtmlSanitizer documents Sanitize as thread-safe on a shared instance.
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "div", "span",
            "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q", "time",
            "ul", "ol", "li", "dl", "dt", "dd",
            "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
            "a", "img", "figure", "figcaption",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "scope", "headers", "span",
            "start", "reversed", "datetime", "cite", "lang", "dir", "class",
        },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" },
        AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
    });

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>Sanitizes, in place, the item's HtmlBodyPart and every HtmlField its type declares; returns whether anything changed.</summary>
    public static bool SanitizeItem(ContentItem item, ContentDefinitionSet definitions)
    {
        var changed = false;
        foreach (var typePart in definitions.FindType(item.ContentType)?.Parts ?? [])
        {
            if (item.Part(typePart.Name) is not { } part)
            {
                continue;
            }
            if (typePart.PartName == "HtmlBodyPart")
            {
                changed |= SanitizeProperty(part, "Html");
            }
            foreach (var field in definitions.FindPart(typePart.PartName)?.Fields.Where(f => f.FieldName == "HtmlField") ?? [])
            {
                changed |= part[field.Name] is JsonObject value && SanitizeProperty(value, "Html");
            }
        }
        return changed;
    }

    /// <summary>A link an editor may store: http, https, mailto, tel, or a relative URL; no whitespace that browsers would strip.</summary>
    public static bool IsSafeUrl(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0 || trimmed.Any(c => c is '\t' or '\n' or '\r' || char.IsControl(c)))
        {
            return false;
        }
        var scheme = Scheme().Match(trimmed);
        return scheme.Success
            ? AllowedSchemes.Contains(scheme.Groups[1].Value) && Uri.TryCreate(trimmed, UriKind.Absolute, out _)
            : Uri.TryCreate(trimmed, UriKind.Relative, out _);
    }

    private static bool SanitizeProperty(JsonObject owner, string property)
    {
        if (owner[property] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }
        var html = value.GetValue<string>();
        var clean = Sanitize(html);
        if (clean == html)
        {
            return false;
        }
        owner[property] = clean;
        return true;
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex Scheme();
}
