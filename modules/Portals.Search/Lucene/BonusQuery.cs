using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portals.Search.Lucene;

/// <summary>
/// Matches what <see cref="Inner"/> matches and scores it <see cref="Bonus"/> plus the inner score. A constant per
/// query word found puts documents holding more of the words in a higher band than any word-frequency score can
/// reach, in the same single pass: no second query over the same postings (see <see cref="TextQueryBuilder"/>).
/// </summary>
internal sealed class BonusQuery(Query inner, float bonus) : Query
{
    public Query Inner { get; } = inner;

    public float Bonus { get; } = bonus;

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Inner.Rewrite(reader);
        return ReferenceEquals(rewritten, Inner) ? this : new BonusQuery(rewritten, Bonus) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => Inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new BonusWeight(this, Inner.CreateWeight(searcher));

    public override string ToString(string field) =>
        string.Create(CultureInfo.InvariantCulture, $"bonus({Inner.ToString(field)}, {Bonus})");

    public override bool Equals(object? obj) =>
        obj is BonusQuery other && other.Bonus.Equals(Bonus) && other.Inner.Equals(Inner) && other.Boost.Equals(Boost);

    public override int GetHashCode() => HashCode.Combine(Inner, Bonus, Boost);

    private sealed class BonusWeight(BonusQuery query, Weight inner) : Weight
    {
        public override Query Query => query;

        public override bool ScoresDocsOutOfOrder => false;

        public override float GetValueForNormalization() => inner.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost * query.Boost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) =>
            inner.GetScorer(context, acceptDocs) is { } scorer ? new BonusScorer(this, scorer, query.Bonus) : null;

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var explained = inner.Explain(context, doc);
            if (!explained.IsMatch)
            {
                return explained;
            }

            var result = new ComplexExplanation(true, explained.Value + query.Bonus, "bonus for a matching query word, plus:");
            result.AddDetail(explained);
            return result;
        }
    }

    private sealed class BonusScorer(Weight weight, Scorer inner, float bonus) : Scorer(weight)
    {
        public override int DocID => inner.DocID;

        public override int Freq => inner.Freq;

        public override float GetScore() => bonus + inner.GetScore();

        public override int NextDoc() => inner.NextDoc();

        public override int Advance(int target) => inner.Advance(target);

        public override long GetCost() => inner.GetCost();

        public override ICollection<ChildScorer> GetChildren() => [new ChildScorer(inner, "BONUS")];
    }
}
