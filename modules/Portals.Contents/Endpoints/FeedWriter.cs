using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.Extensions.Logging;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Contents.Endpoints;

/// <summary>
/// Writes stored items as RSS 2.0. Each item is read into plain strings first, so one unreadable item is left out
/// (and logged) instead of failing the feed; characters XML 1.0 cannot carry (C0 controls, lone surrogates) are
/// removed, also logged, since items stored before write validation may hold them.
/// </summary>
internal sealed class FeedWriter(TenantContext tenant, string feed, ILogger logger)
{
    private sealed record Entry(string Id, string Title, string Link, DateTime? Published, string? Description);

    public byte[] Render(string title, IEnumerable<string> storedItems)
    {
        var entries = storedItems.Select(Read).OfType<Entry>().ToList();
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", $"{tenant.DisplayName} – {title}");
            xml.WriteElementString("link", tenant.PublicUrl(""));
            xml.WriteElementString("description", $"{title} – {tenant.DisplayName}");
            xml.WriteElementString("language", "vi-VN");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", entry.Title);
                xml.WriteElementString("link", entry.Link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(entry.Id);
                xml.WriteEndElement();
                if (entry.Published is { } published)
                {
                    xml.WriteElementString("pubDate", published.ToString("R", CultureInfo.InvariantCulture));
                }
                if (entry.Description is not null)
                {
                    xml.WriteElementString("description", entry.Description);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private Entry? Read(string json)
    {
        var id = "?";
        try
        {
            var item = ContentItem.Parse(json);
            id = item.ContentItemId;
            // Each type's own part (named after the type) carries its Summary field, by the recipes' convention.
            var summary = item.Part(item.ContentType)?["Summary"]?["Text"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
            var entry = new Entry(
                Clean(id, "id"),
                Clean(item.DisplayText ?? item.ContentItemId, "title"),
                Clean(tenant.PublicUrl(item.Path), "link"),
                item.PublishedUtc,
                summary is null ? null : Clean(summary, "description"));
            return entry;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            ContentsLog.FeedItemRepaired(logger, feed, tenant.Name, id, "left out", ex.Message);
            return null;
        }

        string Clean(string text, string field)
        {
            if (XmlText.IsClean(text))
            {
                return text;
            }
            ContentsLog.FeedItemRepaired(logger, feed, tenant.Name, id, "cleaned", $"characters XML cannot carry removed from its {field}");
            return XmlText.Clean(text);
        }
    }
}

/// <summary>XML 1.0's character range: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates.</summary>
internal static class XmlText
{
    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
        }
        return builder.ToString();
    }
}
