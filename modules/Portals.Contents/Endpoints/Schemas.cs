using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portals.Contents.Endpoints;

// Types that document the wire format in OpenAPI. Handlers write stored JSON directly and never serialize these.

/// <summary>A content item in Orchard Core's shape: metadata, then one property per part (TitlePart, AutoroutePart, …).</summary>
public sealed class ContentItemDocument
{
    public string? ContentItemId { get; init; }
    public string? ContentItemVersionId { get; init; }
    public required string ContentType { get; init; }
    public string? DisplayText { get; init; }
    public bool Latest { get; init; }
    public bool Published { get; init; }
    public DateTime? ModifiedUtc { get; init; }
    public DateTime? PublishedUtc { get; init; }
    public DateTime? CreatedUtc { get; init; }
    public string? Owner { get; init; }
    public string? Author { get; init; }

    /// <summary>Parts and their fields, e.g. <c>"TitlePart": {"Title": "…"}</c>.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Parts { get; init; }
}

public sealed record ContentListDocument(
    [property: JsonPropertyName("items")] IReadOnlyList<ContentItemDocument> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("truncated")] bool Truncated,
    [property: JsonPropertyName("next")] string? Next);

public sealed record SectorTerm(string ContentItemId, string DisplayText);

public sealed record SectorsDocument(string TaxonomyContentItemId, IReadOnlyList<SectorTerm> Terms);

/// <summary>Orchard Core's ContentDefinition step shape.</summary>
public sealed record ContentTypesDocument(JsonElement[] ContentTypes, JsonElement[] ContentParts);
