using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portals.Themes.Content;

/// <summary>
/// Reads Orchard Core field values (<c>part.Field.Text</c>, <c>.Html</c>, <c>.Value</c>…) from a part's JSON.
/// Anything missing or of an unexpected kind reads as absent: a page never fails on one odd value.
/// </summary>
internal static class Fields
{
    public static string? Text(JsonObject? part, string field) => String(Member(Member(part, field), "Text"));

    public static string? Html(JsonObject? part, string field) => String(Member(Member(part, field), "Html"));

    /// <summary>HtmlBodyPart keeps its HTML directly on the part, not in a field.</summary>
    public static string? BodyHtml(JsonObject? htmlBodyPart) => String(Member(htmlBodyPart, "Html"));

    public static decimal? Number(JsonObject? part, string field) =>
        Member(Member(part, field), "Value") is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out decimal d) ? d : null;

    public static DateTimeOffset? Date(JsonObject? part, string field) =>
        String(Member(Member(part, field), "Value")) is { } s
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    public static IReadOnlyList<string> Terms(JsonObject? part, string field) => Strings(Member(Member(part, field), "TermContentItemIds"));

    public static IReadOnlyList<string> Ids(JsonObject? part, string field) => Strings(Member(Member(part, field), "ContentItemIds"));

    public static IReadOnlyList<string> Paths(JsonObject? part, string field) => Strings(Member(Member(part, field), "Paths"));

    public static (string Url, string? Text)? Link(JsonObject? part, string field) =>
        String(Member(Member(part, field), "Url")) is { Length: > 0 } url ? (url, String(Member(Member(part, field), "Text"))) : null;

    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    public static JsonNode? Member(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(String).OfType<string>().Distinct(StringComparer.Ordinal).ToList() : [];
}
