using System.Globalization;
using System.Text;
using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>
/// Suggestions over one point-in-time searcher: each segment's sorted title words (<see cref="SegmentSuggestions"/>)
/// give their first matches, merged in order; only the chosen titles' stored fields are read.
/// </summary>
internal static class SuggestSearch
{
    private static readonly HashSet<string> HitFields =
        [SearchFields.ContentItemId, SearchFields.Tenant, SearchFields.ContentType, SearchFields.Title, SearchFields.Url];

    /// <summary>The folded words of <paramref name="text"/> joined by single spaces, as titles are indexed ("Kênh Xáng" → "kenh xang").</summary>
    public static string FoldedWords(string text) =>
        string.Join(' ', VietnameseAnalyzers.Tokens(VietnameseAnalyzers.Folded, TextNormalizer.Normalize(text), DocumentMapper.SuggestedTitleWords)
            .Select(t => t.Term));

    public static SearchSuggestions Run(IndexSearcher searcher, SuggestQuery query, CancellationToken ct)
    {
        var typed = FoldedWords(TextNormalizer.Truncate(query.Text ?? string.Empty, SuggestQuery.MaxTextLength));
        if (typed.Length == 0)
        {
            return SearchSuggestions.None;
        }

        var prefix = Encoding.UTF8.GetBytes(typed);
        var heads = new List<SuggestCandidate>();
        var inner = new List<SuggestCandidate>();
        var sectors = new List<SectorLabel>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            ct.ThrowIfCancellationRequested();
            var reader = leaf.AtomicReader;
            var tenants = SegmentFacets.For(reader).Tenant;
            var tenant = query.Tenant is null ? -1 : Array.IndexOf(tenants.Labels, query.Tenant);
            if (query.Tenant is not null && tenant < 0)
            {
                continue;
            }

            var live = reader.LiveDocs;
            bool Accept(int doc) => (live is null || live.Get(doc)) && (tenant < 0 || tenants.Ords[doc] == tenant);
            var suggestions = SegmentSuggestions.For(reader);
            suggestions.Find(prefix, Accept, leaf.DocBase, SearchSuggestions.MaxTitles, heads, inner);
            sectors.AddRange(suggestions.Sectors.All.Where(s =>
                (query.Tenant is null || s.Tenant == query.Tenant) && WordStarts(s.Folded, typed) >= 0 && s.Docs.Any(Accept)));
        }

        var chosen = new List<int>();
        foreach (var candidate in Ordered(heads).Concat(Ordered(inner)))
        {
            if (chosen.Count == SearchSuggestions.MaxTitles)
            {
                break;
            }

            if (!chosen.Contains(candidate.Doc))
            {
                chosen.Add(candidate.Doc);
            }
        }

        var titles = chosen.Select(doc => Title(searcher.Doc(doc, HitFields))).ToList();
        var names = sectors.OrderBy(s => WordStarts(s.Folded, typed) == 0 ? 0 : 1).ThenBy(s => s.Folded, StringComparer.Ordinal)
            .Select(s => new SectorSuggestion(s.Sector, s.Name)).Distinct().Take(SearchSuggestions.MaxSectors).ToList();
        return new SearchSuggestions(titles, names);
    }

    private static IEnumerable<SuggestCandidate> Ordered(List<SuggestCandidate> candidates) =>
        candidates.OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Doc);

    /// <summary>Where a word of <paramref name="folded"/> starts with <paramref name="typed"/>: 0 at the start, -1 nowhere.</summary>
    private static int WordStarts(string folded, string typed)
    {
        if (folded.StartsWith(typed, StringComparison.Ordinal))
        {
            return 0;
        }

        var at = folded.IndexOf(" " + typed, StringComparison.Ordinal);
        return at < 0 ? -1 : at + 1;
    }

    private static TitleSuggestion Title(global::Lucene.Net.Documents.Document doc) => new(
        Get(doc, SearchFields.ContentItemId), Get(doc, SearchFields.Tenant), Get(doc, SearchFields.ContentType),
        Get(doc, SearchFields.Title), Get(doc, SearchFields.Url));

    private static string Get(global::Lucene.Net.Documents.Document doc, string field) =>
        doc.Get(field, CultureInfo.InvariantCulture) ?? string.Empty;
}
