using System.Globalization;
using Lucene.Net.Search;

namespace Portals.Search.Engine;

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

    public static SearchResults Run(IndexSearcher searcher, SearchQuery query, TextMatch? text, Sort newestFirst,
        CancellationToken ct)
    {
        var wanted = (int)Math.Min((long)query.Page * query.PageSize, Math.Max(1, searcher.IndexReader.MaxDoc));
        ITopDocsCollector top = text is null
            ? TopFieldCollector.Create(newestFirst, wanted, false, false, false, false)
            : TopScoreDocCollector.Create(wanted, false);
        var collector = new FacetingCollector(top, query, ct);
        searcher.Search(text?.Query ?? new MatchAllDocsQuery(), collector);

        var page = top.GetTopDocs((query.Page - 1) * query.PageSize, query.PageSize).ScoreDocs;
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
}
