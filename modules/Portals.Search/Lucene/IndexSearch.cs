using System.Globalization;
using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>One search on one point-in-time searcher: relevance (or newest first), filters, facets, page, snippets.</summary>
internal static class IndexSearch
{
    public static void Validate(SearchQuery query, int maxPageSize, int maxResultWindow)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query.Page));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, maxPageSize, nameof(query.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)query.Page * query.PageSize, maxResultWindow, nameof(query.Page));
    }

    /// <summary>
    /// How many first-pass candidates the boosts may reorder: enough that a title or phrase match ranked a little lower
    /// by the required words alone still reaches the first pages, few enough that rescoring stays far cheaper than
    /// scoring the boosts for every match. Fixed over the first pages, so paging through them stays consistent.
    /// </summary>
    public const int RescoreWindow = 200;

    /// <summary>
    /// Documents holding most of the words are looked for when fewer than this many hold all of them. They would rank
    /// after every one of those anyway; with more, they could only start beyond the first pages, and looking for them
    /// costs a second, looser pass over common words.
    /// </summary>
    public const int RelaxBelow = 100;

    public static SearchResults Run(PointInTimeSearcher searcher, SearchQuery query, QueryText? text, PlaceNames places,
        Sort newestFirst, CancellationToken ct)
    {
        var maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
        var wanted = (int)Math.Min((long)query.Page * query.PageSize, maxDoc);
        var candidates = (int)Math.Min(Math.Max(RescoreWindow, 4L * wanted), maxDoc);
        if (text is null)
        {
            var newest = TopFieldCollector.Create(newestFirst, wanted, false, false, false, false);
            var listing = Collect(searcher, new MatchAllDocsQuery(), newest, query, ct);
            return Results(searcher, query, listing, newest.GetTopDocs((query.Page - 1) * query.PageSize, query.PageSize).ScoreDocs, null);
        }

        var match = TextQueryBuilder.Build(text, searcher, places);
        var size = match.Boosts is null ? wanted : candidates;
        // Counted first, not scored: when few documents hold every word, only the relaxed pass's hits are shown.
        var relaxedPass = match.Relaxed is not null && StrictCount.IsBelow(searcher, match.Strict, query, RelaxBelow, ct);
        var top = TopScoreDocCollector.Create(size, false);
        // Every unit found scores a fixed bonus, so in the relaxed pass the documents holding all the words still come first.
        var collector = Collect(searcher, relaxedPass ? match.Relaxed! : match.Strict, top, query, ct);

        var page = Page(searcher, top, match.Boosts, query);
        var results = Results(searcher, query, collector, page, match.FoldedTerms);
        var approximate = match.Dropped
            || ((relaxedPass || match.NearSpellings) && !PageCheck.AllMatch(searcher, match.HoldsAll, page));
        return results with { Relaxed = approximate, UnmatchedWords = match.Unmatched };
    }

    private static FacetingCollector Collect(IndexSearcher searcher, Query query, ICollector top, SearchQuery filters, CancellationToken ct)
    {
        var collector = new FacetingCollector(top, filters, ct);
        searcher.Search(query, collector);
        return collector;
    }

    private static SearchResults Results(PointInTimeSearcher searcher, SearchQuery query, FacetingCollector collector, ScoreDoc[] page,
        HashSet<string>? foldedTerms)
    {
        var items = new List<SearchHit>(page.Length);
        foreach (var scoreDoc in page)
        {
            var doc = searcher.HitDocument(scoreDoc.Doc);
            var snippet = SnippetBuilder.Build(
                doc.Get(SearchFields.Summary, CultureInfo.InvariantCulture) ?? string.Empty,
                doc.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? string.Empty,
                foldedTerms);
            items.Add(DocumentMapper.ToHit(doc, snippet, scoreDoc.Score));
        }

        return new SearchResults(collector.Total, query.Page, query.PageSize, items, collector.Facets());
    }

    private static ScoreDoc[] Page(IndexSearcher searcher, TopScoreDocCollector top, Query? boosts, SearchQuery query)
    {
        var from = (query.Page - 1) * query.PageSize;
        if (boosts is null)
        {
            return top.GetTopDocs(from, query.PageSize).ScoreDocs;
        }

        var ranked = BoostRescorer.Rescore(searcher, top.GetTopDocs().ScoreDocs, boosts);
        return ranked.Length <= from ? [] : ranked[from..Math.Min(ranked.Length, from + query.PageSize)];
    }
}
