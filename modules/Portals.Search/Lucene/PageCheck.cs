using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>Whether the hits of a page all match a query: one forward-only scorer per segment, one skip per hit.</summary>
internal static class PageCheck
{
    /// <summary>True when every hit matches <paramref name="query"/>; a null query matches nothing.</summary>
    public static bool AllMatch(IndexSearcher searcher, Query? query, ScoreDoc[] hits)
    {
        if (hits.Length == 0)
        {
            return true;
        }

        if (query is null)
        {
            return false;
        }

        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var leafEnd = 0;
        Scorer? scorer = null;
        foreach (var doc in hits.Select(h => h.Doc).Order())
        {
            while (doc >= leafEnd)
            {
                var context = leaves[++leaf];
                leafEnd = context.DocBase + context.AtomicReader.MaxDoc;
                scorer = doc < leafEnd ? weight.GetScorer(context, context.AtomicReader.LiveDocs) : null;
            }

            var target = doc - leaves[leaf].DocBase;
            if (scorer is null || (scorer.DocID < target ? scorer.Advance(target) : scorer.DocID) != target)
            {
                return false;
            }
        }

        return true;
    }
}
