using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portals.Search.Lucene;

internal static partial class TextQueryBuilder
{
    /// <summary>Adjacent pairs scored in the first pass: more only add cost, and their bonuses must stay below a word's.</summary>
    public const int MaxPairs = 20;

    /// <summary>Near spellings paired per side of an adjacent pair.</summary>
    private const int MaxPairForms = 3;

    /// <summary>
    /// Each quoted phrase of two or more words, required in order on the folded text (so diacritics do not matter).
    /// The exact forms sit at the same positions as the folded ones, so they never break a sequence.
    /// </summary>
    private static List<Query> Phrases(IReadOnlyList<QueryWord> words, int phraseCount)
    {
        var phrases = new List<Query>();
        for (var phrase = 0; phrase < phraseCount; phrase++)
        {
            var inPhrase = words.Where(w => w.Phrase == phrase).ToList();
            if (inPhrase.Count < 2)
            {
                continue;
            }

            var query = new PhraseQuery();
            inPhrase.ForEach(w => query.Add(new Term(SearchFields.AllText, w.Folded)));
            phrases.Add(query);
        }

        return phrases;
    }

    /// <summary>
    /// Adjacent pairs of the text, as folded bigrams ("cong nghe"), each worth <see cref="PairBonus"/> when found:
    /// a document holding the words next to each other, in order, ranks above one holding them apart, over the whole
    /// result set. A misspelt word pairs through its near spellings. Words joined by hyphens, dashes or slashes were
    /// split by the tokenizer, so they pair like spaced words.
    /// </summary>
    private static IEnumerable<Query> Pairs(IReadOnlyList<QueryWord> words, Dictionary<string, IReadOnlyList<string>> near, TermStats stats)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Count && i < MaxPairs; i++)
        {
            var pair = new DisjunctionMaxQuery(0f);
            foreach (var left in Forms(words[i].Folded, near))
            {
                foreach (var right in Forms(words[i + 1].Folded, near))
                {
                    var term = new Term(SearchFields.AllBigram, left + " " + right);
                    var context = stats.Context(term);
                    if (context.DocFreq > 0 && seen.Add(term.Text))
                    {
                        pair.Add(new BonusQuery(new TermQuery(term, context), PairBonus));
                    }
                }
            }

            if (pair.Disjuncts.Count > 0)
            {
                yield return pair;
            }
        }
    }

    private static IEnumerable<string> Forms(string folded, Dictionary<string, IReadOnlyList<string>> near) =>
        near.TryGetValue(folded, out var alternatives) ? [folded, .. alternatives.Take(MaxPairForms)] : [folded];

    /// <summary>
    /// The second-pass boosts (see <see cref="IndexSearch"/>): title words (near spellings less), and the exact forms of
    /// syllables typed with diacritics, so "bão" (storm) outranks "báo" (newspaper) and "đường" roads outrank Mr Dương.
    /// A syllable typed without diacritics carries no tone, so no form of it is preferred.
    /// </summary>
    private static BooleanQuery? Boosts(IReadOnlyList<QueryWord> words, List<Unit> units, TermStats stats)
    {
        var title = new BooleanQuery(disableCoord: true);
        foreach (var unit in units)
        {
            unit.Folded.ToList().ForEach(f => title.Add(Boosted(stats.Query(new Term(SearchFields.TitleText, f)), TitleBoost), Occur.SHOULD));
            unit.Near.ToList().ForEach(f => title.Add(Boosted(stats.Query(new Term(SearchFields.TitleText, f)), TitleBoost * NearBoost), Occur.SHOULD));
        }

        var exact = new BooleanQuery(disableCoord: true);
        var kept = new HashSet<string>(units.SelectMany(u => u.Folded), StringComparer.Ordinal);
        foreach (var form in words.Where(w => kept.Contains(w.Folded) && !string.Equals(w.Exact, w.Folded, StringComparison.Ordinal))
            .Select(w => w.Exact).Distinct(StringComparer.Ordinal))
        {
            exact.Add(stats.Query(new Term(SearchFields.AllText, form)), Occur.SHOULD);
        }

        var boosts = new BooleanQuery(disableCoord: true);
        foreach (var part in new[] { title, exact }.Where(p => p.Clauses.Count > 0))
        {
            boosts.Add(part, Occur.SHOULD);
        }

        return boosts.Clauses.Count > 0 ? boosts : null;
    }

    private static TermQuery Boosted(TermQuery query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    /// <summary>
    /// Term statistics of the searcher's reader, read once per term and reused by the term queries. They are kept per
    /// point-in-time reader (a term's look-up seeks every segment, and most queries repeat common words): the reader is
    /// the key, so a reopened searcher starts afresh, and only words of the shared index are kept.
    /// </summary>
    private sealed class TermStats(IndexSearcher searcher)
    {
        /// <summary>Terms kept per reader; past this, new terms are looked up every time.</summary>
        private const int CachedTerms = 2048;

        private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<(string Field, string Text), TermContext>> ByReader = new();

        private readonly ConcurrentDictionary<(string Field, string Text), TermContext> _contexts =
            ByReader.GetValue(searcher.IndexReader, static _ => new());

        public IndexReader Reader => searcher.IndexReader;

        public int NumDocs => searcher.IndexReader.NumDocs;

        public TermContext Context(Term term)
        {
            var key = (term.Field, term.Text);
            if (!_contexts.TryGetValue(key, out var context))
            {
                context = TermContext.Build(searcher.TopReaderContext, term);
                if (_contexts.Count < CachedTerms)
                {
                    _contexts.TryAdd(key, context);
                }
            }

            return context;
        }

        public TermQuery Query(Term term) => new(term, Context(term));
    }
}
