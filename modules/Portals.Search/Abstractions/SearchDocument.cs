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
    IReadOnlyList<string> Sectors);
