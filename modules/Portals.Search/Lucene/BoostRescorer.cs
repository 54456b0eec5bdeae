using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>
/// The second ranking pass: adds the optional boosts (title words, adjacent pairs) to the first-pass scores of the best
/// candidates only. Common Vietnamese syllables match most documents, so scoring the boosts for every match cost about
/// four times the required conjunction; here they cost one skip per candidate and clause.
/// </summary>
internal static class BoostRescorer
{
    /// <summary>Returns <paramref name="hits"/> with the boosts added, best first, ties by document number.</summary>
    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, Query boosts)
    {
        if (hits.Length == 0)
        {
            return hits;
        }

        var byDoc = hits; // the caller's own copy: reordered in place
        Array.Sort(byDoc, static (a, b) => a.Doc.CompareTo(b.Doc));
        var weight = searcher.CreateNormalizedWeight(boosts);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var leafEnd = 0;
        Scorer? scorer = null;
        foreach (var hit in byDoc)
        {
            // Candidates are in document order, so each segment's scorer only ever moves forward.
            while (hit.Doc >= leafEnd)
            {
                var context = leaves[++leaf];
                leafEnd = context.DocBase + context.AtomicReader.MaxDoc;
                scorer = hit.Doc < leafEnd ? weight.GetScorer(context, null) : null;
            }

            var target = hit.Doc - leaves[leaf].DocBase;
            if (scorer is not null && scorer.DocID < target)
            {
                scorer.Advance(target);
            }

            if (scorer is not null && scorer.DocID == target)
            {
                hit.Score += scorer.GetScore();
            }
        }

        Array.Sort(byDoc, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return byDoc;
    }
}
