using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portals.Contents.Endpoints;

// The wire format's contract. Content handlers write stored JSON directly; these types say what it holds. The OpenAPI
// schemas are made from them by System.Text.Json's own schema exporter, with the options that write the wire
// (ContentItem.JsonOptions for items, the HTTP JSON options elsewhere), so names and nullability cannot drift.

/// <summary>
/// A content item's metadata as stored and sent, in Orchard Core's order and names (<c>ContentItem.MetadataNames</c>);
/// every name is always present. Parts follow as further properties: the per-type schemas describe them.
/// </summary>
public sealed class ContentItemDocument
{
    [Description("The item's id, the same in every version.")]
    public required string ContentItemId { get; init; }

    [Description("This version's id.")]
    public required string ContentItemVersionId { get; init; }

    [Description("The content type; it selects the item's schema.")]
    public required string ContentType { get; init; }

    [Description("The item's display text: its title when its type has a TitlePart.")]
    public required string? DisplayText { get; init; }

    [Description("Whether this is the latest version (a draft, or the published version when no newer draft exists).")]
    public required bool Latest { get; init; }

    [Description("Whether this version is the published one.")]
    public required bool Published { get; init; }

    public required DateTime ModifiedUtc { get; init; }

    [Description("When this version was published; null for a version never published.")]
    public required DateTime? PublishedUtc { get; init; }

    public required DateTime CreatedUtc { get; init; }

    [Description("The API client or user who created the item (set by the server).")]
    public required string? Owner { get; init; }

    [Description("The API client or user who wrote this version (set by the server).")]
    public required string? Author { get; init; }

    /// <summary>Parts and their fields, e.g. <c>"TitlePart": {"Title": "…"}</c>.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Parts { get; init; }
}

/// <summary>
/// The metadata a client may send to <c>POST /api/content</c>; the server sets the rest (versions, dates, owner, author)
/// and ignores what a client sends for them. Names are also accepted in any letter case (e.g. <c>contentType</c>).
/// </summary>
public sealed class ContentItemInputDocument
{
    [Description("The item to create or update. Omitted: a new item with a new id. 1 to 64 letters, digits, '-' or '_'.")]
    public string? ContentItemId { get; init; }

    [Description("The content type. An existing item keeps its type: sending another one is a 400.")]
    public required string ContentType { get; init; }

    [Description("Used only by types without a TitlePart; with one, the display text is the title.")]
    public string? DisplayText { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Parts { get; init; }
}

public sealed record ContentListDocument(
    [property: JsonPropertyName("items")] IReadOnlyList<ContentItemDocument> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("total"), Description("Items matching; when totalExact is false, a lower bound (counting stops at Portals:Api:ListTotalLimit).")] int Total,
    [property: JsonPropertyName("totalExact"), Description("Whether total is the exact count.")] bool TotalExact,
    [property: JsonPropertyName("truncated")] bool Truncated,
    [property: JsonPropertyName("next")] string? Next);

// The sectors and definitions keep Orchard Core's PascalCase on the wire; explicit names make every serializer
// (and the schema exporter, which uses the camelCase HTTP options) agree.

public sealed record SectorTerm(
    [property: JsonPropertyName("ContentItemId")] string ContentItemId,
    [property: JsonPropertyName("DisplayText")] string DisplayText);

public sealed record SectorsDocument(
    [property: JsonPropertyName("TaxonomyContentItemId")] string TaxonomyContentItemId,
    [property: JsonPropertyName("Terms")] IReadOnlyList<SectorTerm> Terms);

/// <summary>Orchard Core's ContentDefinition step shape.</summary>
public sealed record ContentTypesDocument(
    [property: JsonPropertyName("ContentTypes")] IReadOnlyList<ContentTypeDefinitionDocument> ContentTypes,
    [property: JsonPropertyName("ContentParts")] IReadOnlyList<ContentPartDefinitionDocument> ContentParts);

public sealed record ContentTypeDefinitionDocument(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("DisplayName")] string DisplayName,
    [property: JsonPropertyName("Settings")] JsonElement Settings,
    [property: JsonPropertyName("ContentTypePartDefinitionRecords")] IReadOnlyList<ContentTypePartDocument> ContentTypePartDefinitionRecords);

public sealed record ContentTypePartDocument(
    [property: JsonPropertyName("PartName")] string PartName,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Settings")] JsonElement Settings);

public sealed record ContentPartDefinitionDocument(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Settings")] JsonElement Settings,
    [property: JsonPropertyName("ContentPartFieldDefinitionRecords")] IReadOnlyList<ContentPartFieldDocument> ContentPartFieldDefinitionRecords);

public sealed record ContentPartFieldDocument(
    [property: JsonPropertyName("FieldName")] string FieldName,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Settings")] JsonElement Settings);
