namespace Portals.Search.Lucene;

/// <summary>Search-box suggestions from the titles and sector names in memory (see <see cref="SegmentSuggestions"/>).</summary>
public sealed partial class LuceneSearchIndex
{
    public Task<SearchSuggestions> SuggestAsync(SuggestQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(string.IsNullOrWhiteSpace(query.Text)
            ? SearchSuggestions.None
            : Read(searcher => SuggestSearch.Run(searcher, query, ct)));
    }
}
