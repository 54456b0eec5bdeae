namespace Portals.Search;

/// <summary>
/// <paramref name="Snippet"/> is HTML: escaped text with &lt;mark&gt; around the matched words.
/// Every other string is plain text as it was indexed.
/// </summary>
public sealed record SearchHit(
    string ContentItemId,
    string Tenant,
    string ContentType,
    string Title,
    string Url,
    string Snippet,
    DateTimeOffset? PublishedUtc,
    IReadOnlyList<string> Sectors,
    float Score);

/// <summary>
/// <paramref name="Facets"/> has the keys in <see cref="FacetNames"/>. The counts of one dimension apply the query text and
/// the filters of the other dimensions, not its own, so a client can show alternatives next to the selected value.
/// </summary>
public sealed record SearchResults(
    long Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Facets)
{
    /// <summary>
    /// The results are approximate ("kết quả gần đúng"): a word matched nothing and was left out (see
    /// <see cref="UnmatchedWords"/>), or this page holds a document lacking a word or holding it only as a near spelling.
    /// </summary>
    public bool Relaxed { get; init; }

    /// <summary>Words of the text, as typed, that no indexed document holds, not even as a near spelling.</summary>
    public IReadOnlyList<string> UnmatchedWords { get; init; } = [];
}

public static class FacetNames
{
    public const string Tenant = "tenant";
    public const string ContentType = "contentType";
    public const string Sector = "sector";
}
