using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>
/// Whether fewer than a limit of documents hold every word and pass the filters: counted without scoring, optional
/// clauses or a top-hits queue, and stopped at the limit. Deciding this way whether to relax costs far less than the
/// scored, faceted strict pass that the relaxed pass would then replace, and it gives the same answer.
/// </summary>
internal static class StrictCount
{
    public static bool IsBelow(IndexSearcher searcher, BooleanQuery strict, SearchQuery filters, int limit, CancellationToken ct)
    {
        // The optional clauses (pairs, places) never change which documents match, only their scores.
        var required = new BooleanQuery(disableCoord: true);
        foreach (var clause in strict.Clauses.Where(c => c.Occur == Occur.MUST))
        {
            required.Add(clause.Query, Occur.MUST);
        }

        var counter = new FacetingCollector(Ignored.Instance, filters, ct);
        var weight = searcher.CreateNormalizedWeight(required);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            counter.SetNextReader(leaf);
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                counter.Collect(doc);
                if (counter.Total >= limit)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Only the filters and the count matter here.</summary>
    private sealed class Ignored : ICollector
    {
        public static readonly Ignored Instance = new();

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(global::Lucene.Net.Index.AtomicReaderContext context)
        {
        }

        public void Collect(int doc)
        {
        }
    }
}
