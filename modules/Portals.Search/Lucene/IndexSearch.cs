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

    public static SearchResults Run(IndexSearcher searcher, SearchQuery query, TextMatch? text, Sort newestFirst,
        CancellationToken ct)
    {
        var maxDoc = Math.Max(1, searcher.IndexReader.MaxDoc);
        var wanted = (int)Math.Min((long)query.Page * query.PageSize, maxDoc);
        var candidates = (int)Math.Min(Math.Max(RescoreWindow, 4L * wanted), maxDoc);
        ITopDocsCollector top = text is null
            ? TopFieldCollector.Create(newestFirst, wanted, false, false, false, false)
            : TopScoreDocCollector.Create(text.Boosts is null ? wanted : candidates, false);
        var collector = new FacetingCollector(top, query, ct);
        searcher.Search(text?.Query ?? new MatchAllDocsQuery(), collector);

        var page = Page(searcher, top, text?.Boosts, query);
        var items = new List<SearchHit>(page.Length);
        foreach (var scoreDoc in page)
        {
            var doc = searcher.Doc(scoreDoc.Doc);
            var snippet = SnippetBuilder.Build(
                doc.Get(SearchFields.Summary, CultureInfo.InvariantCulture) ?? string.Empty,
                doc.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? string.Empty,
                text?.FoldedTerms);
            items.Add(DocumentMapper.ToHit(doc, snippet, scoreDoc.Score));
        }

        return new SearchResults(collector.Total, query.Page, query.PageSize, items, collector.Facets());
    }

    private static ScoreDoc[] Page(IndexSearcher searcher, ITopDocsCollector top, Query? boosts, SearchQuery query)
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
