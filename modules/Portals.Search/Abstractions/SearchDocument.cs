namespace Portals.Search;

/// <summary>One published content item as the index sees it. <paramref name="Body"/> is plain text: the caller strips HTML.</summary>
public sealed record SearchDocument(
    string Tenant,
    string ContentItemId,
    string ContentType,
    string Title,
    string? Summary,
    string Body,
    string Url,
    DateTimeOffset? PublishedUtc,
    IReadOnlyList<string> Sectors)
{
    /// <summary>Display names of <see cref="Sectors"/> by id, for suggestions; a sector without a name is not suggested.</summary>
    public IReadOnlyDictionary<string, string> SectorNames { get; init; } = new Dictionary<string, string>();
}
