using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Portals.Themes.Rendering;

/// <summary>
/// The only door to <see cref="SafeHtml"/>. Rich text from the store is sanitized on save (editors' workspace) and
/// again here, on render: a page cached for minutes is cheap insurance against content written before that rule,
/// or by a recipe, or straight into the database.
/// </summary>
public static class RichText
{
    /// <summary>Encodes for HTML and leaves Vietnamese letters readable (the default encoder escapes them all).</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static SafeHtml? Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? null : new SafeHtml(Sanitizer.Sanitize(html));

    /// <summary>
    /// A search snippet: escaped text with &lt;mark&gt; around matches. Every piece between the marks is decoded and
    /// encoded again, so whatever the engine returns, only &lt;mark&gt; and &lt;/mark&gt; survive as markup.
    /// </summary>
    public static SafeHtml Snippet(string? snippet)
    {
        var text = snippet ?? "";
        var sb = new StringBuilder(text.Length + 32);
        var position = 0;
        var open = false;
        while (position < text.Length)
        {
            var tag = open ? MarkClose : MarkOpen;
            var next = text.IndexOf(tag, position, StringComparison.Ordinal);
            var end = next < 0 ? text.Length : next;
            sb.Append(Encoder.Encode(WebUtility.HtmlDecode(text[position..end])));
            if (next < 0)
            {
                break;
            }
            sb.Append(tag);
            open = !open;
            position = next + tag.Length;
        }
        if (open)
        {
            sb.Append(MarkClose);
        }
        return new SafeHtml(sb.ToString());
    }

    /// <summary>A rendered page body placed into its layout.</summary>
    internal static SafeHtml Rendered(string html) => new(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Forms in an article are a phishing tool; ids and inline styles collide with the page's own.
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }
        // An image without alt text is a critical accessibility failure; a decorative empty alt is the safe default.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "img" } image && !image.HasAttribute("alt"))
            {
                image.SetAttribute("alt", "");
            }
        };
        return sanitizer;
    }
}
