using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portals.Core.Content;

/// <summary>
/// A content item in Orchard Core's JSON shape: metadata properties plus one property per part.
/// Parts and fields this system does not know stay in the JSON verbatim.
/// </summary>
public sealed class ContentItem
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Metadata written first, in Orchard Core's order.</summary>
    public static readonly IReadOnlyList<string> MetadataNames =
    [
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author",
    ];

    public ContentItem(JsonObject data) => Data = data;

    public JsonObject Data { get; }

    public string ContentItemId { get => GetString("ContentItemId") ?? ""; set => Data["ContentItemId"] = value; }
    public string? ContentItemVersionId { get => GetString("ContentItemVersionId"); set => Data["ContentItemVersionId"] = value; }
    public string ContentType { get => GetString("ContentType") ?? ""; set => Data["ContentType"] = value; }
    public string? DisplayText { get => GetString("DisplayText"); set => Data["DisplayText"] = value; }
    public bool Latest { get => GetBool("Latest"); set => Data["Latest"] = value; }
    public bool Published { get => GetBool("Published"); set => Data["Published"] = value; }
    public DateTime? ModifiedUtc { get => GetDate("ModifiedUtc"); set => SetDate("ModifiedUtc", value); }
    public DateTime? PublishedUtc { get => GetDate("PublishedUtc"); set => SetDate("PublishedUtc", value); }
    public DateTime? CreatedUtc { get => GetDate("CreatedUtc"); set => SetDate("CreatedUtc", value); }
    public string? Owner { get => GetString("Owner"); set => Data["Owner"] = value; }
    public string? Author { get => GetString("Author"); set => Data["Author"] = value; }

    /// <summary>A part's JSON object, or null when the item has none.</summary>
    public JsonObject? Part(string name) => Data[name] as JsonObject;

    /// <summary>A part's JSON object, created when missing.</summary>
    public JsonObject GetOrCreatePart(string name)
    {
        if (Data[name] is JsonObject part)
        {
            return part;
        }
        part = [];
        Data[name] = part;
        return part;
    }

    public string? Title
    {
        get => Part("TitlePart")?["Title"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        set => GetOrCreatePart("TitlePart")["Title"] = value;
    }

    public string? Path
    {
        get => Part("AutoroutePart")?["Path"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        set => GetOrCreatePart("AutoroutePart")["Path"] = value;
    }

    public ContentItem Clone() => new((JsonObject)Data.DeepClone());

    /// <summary>The JSON with metadata first, in Orchard Core's order, then the parts as they came.</summary>
    public JsonObject ToOrderedJson()
    {
        var ordered = new JsonObject();
        foreach (var name in MetadataNames)
        {
            ordered[name] = Data[name]?.DeepClone();
        }
        foreach (var (name, value) in Data)
        {
            if (!ordered.ContainsKey(name))
            {
                ordered[name] = value?.DeepClone();
            }
        }
        return ordered;
    }

    public string ToJsonString() => ToOrderedJson().ToJsonString(JsonOptions);

    public static ContentItem Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A content item must be a JSON object."));

    private string? GetString(string name) =>
        Data[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private bool GetBool(string name) => Data[name] is JsonValue v && v.TryGetValue(out bool b) && b;

    private DateTime? GetDate(string name)
    {
        if (Data[name] is not JsonValue v)
        {
            return null;
        }
        if (v.TryGetValue(out DateTime d))
        {
            return DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc);
        }
        return v.TryGetValue(out string? s) && DateTime.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out d) ? d : null;
    }

    private void SetDate(string name, DateTime? value) =>
        Data[name] = value is null ? null : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
