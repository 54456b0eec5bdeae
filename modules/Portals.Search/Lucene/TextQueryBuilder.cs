using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>
/// What the user's text became, for one searcher. <paramref name="Strict"/> matches documents holding every word;
/// <paramref name="Relaxed"/> (null when nothing can be relaxed) those holding most of them, ranked after;
/// <paramref name="Boosts"/> (title words, exact tones) only reorder the best candidates; <paramref name="HoldsAll"/>
/// matches documents holding every word exactly (null: none can, a word is known only by near spellings).
/// <paramref name="Unmatched"/> lists words, as typed, that matched nothing; <paramref name="Dropped"/> says some were
/// left out of the search for it; <paramref name="FoldedTerms"/> are what snippets mark.
/// </summary>
internal sealed record TextMatch(
    BooleanQuery Strict, Query? Relaxed, Query? Boosts, Query? HoldsAll, HashSet<string> FoldedTerms,
    IReadOnlyList<string> Unmatched, bool Dropped, bool NearSpellings)
{
    /// <summary>Text with no word in it ("***", "?!") asks for nothing, so it matches nothing rather than everything.</summary>
    public static TextMatch Nothing(IReadOnlyList<string> unmatched, bool dropped) =>
        new(new BooleanQuery(), null, null, null, new HashSet<string>(StringComparer.Ordinal), unmatched, dropped, false);
}

/// <summary>
/// Builds the relevance queries from analysed words only: user text never reaches a query parser, so AND, *, ~ and the
/// like are just characters the tokenizer drops or keeps as words.
/// <para>
/// Every query word is one <em>unit</em> scored <see cref="WordBonus"/> plus its BM25 score when found (a near
/// spelling: <see cref="NearBonus"/>), so a document holding more words always ranks above one holding fewer, and a
/// misspelt word found as typed above its near spellings. Adjacent pairs found as typed add <see cref="PairBonus"/> each,
/// across the whole result set; a province named in the text adds <see cref="PlaceBonus"/> to its tenant's documents and,
/// when other words are given, is also satisfied by them (an article may name only a district). BM25 stays far below
/// these steps (at most ~26 per term), so it orders documents within a band.
/// </para>
/// </summary>
internal static partial class TextQueryBuilder
{
    public const float WordBonus = 10_000f;
    public const float NearBonus = 5_000f;
    public const float PlaceBonus = 1_000f;
    public const float PairBonus = 100f;

    private const float TitleBoost = 2f;
    private const float NearBoost = 0.5f;

    /// <summary>One query word (or a place name's words, or a repeated word, once) and how it is matched.</summary>
    private sealed record Unit(Query Match, Query? Exact, bool Required, IReadOnlyList<string> Folded, IReadOnlyList<string> Near);

    public static TextMatch Build(QueryText text, IndexSearcher searcher, PlaceNames places)
    {
        var words = text.Words;
        var stats = new TermStats(searcher);
        var unmatched = new List<string>();
        var dropped = false;
        var placeMatches = places.Find(words);
        var inPlace = new bool[words.Count];
        placeMatches.ForEach(p => Array.Fill(inPlace, true, p.Start, p.Length));

        var units = WordUnits(words, i => !inPlace[i], stats, unmatched, ref dropped);
        // A place satisfied by its tenant alone only makes sense beside other words: "hau giang" by itself asks for
        // the words, and its tenant's documents are boosted only.
        var placesAsUnits = units.Count > 0 && placeMatches.Count > 0;
        if (placesAsUnits)
        {
            units.AddRange(placeMatches.Select(p => PlaceUnit(words, p, stats)));
        }
        else if (placeMatches.Count > 0)
        {
            units.AddRange(WordUnits(words, i => inPlace[i], stats, unmatched, ref dropped));
        }

        var phrases = Phrases(words, text.PhraseCount);
        if (units.Count == 0 && phrases.Count == 0)
        {
            return TextMatch.Nothing(unmatched, dropped);
        }

        var near = units.SelectMany(u => u.Folded.Select(f => (f, u.Near))).Where(x => x.Near.Count > 0)
            .GroupBy(x => x.f, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Near, StringComparer.Ordinal);
        var optional = new List<Query>(Pairs(words, near, stats));
        optional.AddRange(placeMatches.Select(p => p.Tenant).Distinct(StringComparer.Ordinal)
            .Select(tenant => new ConstantScoreQuery(TenantQuery(tenant)) { Boost = PlaceBonus }));

        var strict = Combine(units.Select(u => u.Match), phrases, optional);
        var folded = new HashSet<string>(units.SelectMany(u => u.Folded.Concat(u.Near)), StringComparer.Ordinal);
        return new TextMatch(strict, Relaxed(units, phrases, optional), Boosts(words, units, stats), HoldsAll(units, phrases),
            folded, unmatched, dropped, units.Any(u => u.Near.Count > 0));
    }

    /// <summary>
    /// Documents holding most of the words: a majority of them (all when there are one or two), quoted words and
    /// phrases always. Null when that is every word anyway.
    /// </summary>
    private static BooleanQuery? Relaxed(List<Unit> units, List<Query> phrases, List<Query> optional)
    {
        var required = units.Where(u => u.Required).ToList();
        var free = units.Where(u => !u.Required).ToList();
        var most = units.Count <= 2 ? units.Count : (units.Count / 2) + 1;
        var fromFree = Math.Max(1, most - required.Count);
        if (free.Count < 2 || fromFree >= free.Count)
        {
            return null;
        }

        var any = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = fromFree };
        free.ForEach(u => any.Add(u.Match, Occur.SHOULD));
        return Combine([any, .. required.Select(u => u.Match)], phrases, optional);
    }

    /// <summary>Every unit as found without near spellings, and every phrase; null when a word is found only by near spellings.</summary>
    private static BooleanQuery? HoldsAll(List<Unit> units, List<Query> phrases) =>
        units.All(u => u.Exact is not null)
            ? Combine(units.Select(u => u.Exact!), phrases, [])
            : null;

    private static BooleanQuery Combine(IEnumerable<Query> required, List<Query> phrases, List<Query> optional)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var clause in required.Concat(phrases))
        {
            query.Add(clause, Occur.MUST);
        }

        optional.ForEach(clause => query.Add(clause, Occur.SHOULD));
        return query;
    }

    /// <summary>
    /// One unit per distinct folded word among <paramref name="include"/>d ones. A word no document holds, not even as
    /// a near spelling, is listed as unmatched and left out, unless it is quoted: a phrase must be found as typed.
    /// </summary>
    private static List<Unit> WordUnits(IReadOnlyList<QueryWord> words, Func<int, bool> include, TermStats stats,
        List<string> unmatched, ref bool dropped)
    {
        var units = new List<Unit>();
        var indices = Enumerable.Range(0, words.Count).Where(include).ToList();
        foreach (var group in indices.GroupBy(i => words[i].Folded, StringComparer.Ordinal))
        {
            var folded = group.Key;
            var required = group.Any(i => words[i].Quoted);
            var term = new Term(SearchFields.AllText, folded);
            var context = stats.Context(term);
            var alternatives = !required && TypoAlternatives.MayBeTypo(folded, context.DocFreq, stats.NumDocs)
                ? TypoAlternatives.Cached(stats.Reader, folded, context.DocFreq)
                : [];
            if (context.DocFreq == 0 && alternatives.Count == 0)
            {
                unmatched.Add(words[group.First()].Typed);
                if (!required)
                {
                    dropped = true;
                    continue;
                }
            }

            var exact = new BonusQuery(new TermQuery(term, context), WordBonus);
            Query match = exact;
            if (alternatives.Count > 0)
            {
                var spellings = new BooleanQuery(disableCoord: true);
                foreach (var a in alternatives)
                {
                    spellings.Add(
                        new TermQuery(new Term(SearchFields.AllText, a), stats.Context(new Term(SearchFields.AllText, a))) { Boost = NearBoost },
                        Occur.SHOULD);
                }

                var nearMatch = new BonusQuery(spellings, NearBonus);
                match = context.DocFreq == 0 ? nearMatch : new DisjunctionMaxQuery([exact, nearMatch], 0f);
            }

            units.Add(new Unit(match, context.DocFreq > 0 ? new TermQuery(term, context) : null, required, [folded], alternatives));
        }

        return units;
    }

    /// <summary>A place's words in the text, or a document of the place's tenant: either holds the unit.</summary>
    private static Unit PlaceUnit(IReadOnlyList<QueryWord> words, PlaceMatch place, TermStats stats)
    {
        var folded = Enumerable.Range(place.Start, place.Length).Select(i => words[i].Folded).Distinct(StringComparer.Ordinal).ToList();
        var inText = new BooleanQuery(disableCoord: true);
        folded.ForEach(f => inText.Add(new TermQuery(new Term(SearchFields.AllText, f), stats.Context(new Term(SearchFields.AllText, f))), Occur.MUST));
        var tenant = TenantQuery(place.Tenant);
        // One unit, like one word: its tenant alone must not outweigh two words of the rest of the text.
        var match = new DisjunctionMaxQuery([new BonusQuery(inText, WordBonus), new ConstantScoreQuery(tenant) { Boost = WordBonus }], 0f);
        var either = new BooleanQuery(disableCoord: true) { { inText, Occur.SHOULD }, { tenant, Occur.SHOULD } };
        return new Unit(match, either, false, folded, []);
    }

    private static TermQuery TenantQuery(string tenant) => new(new Term(SearchFields.Tenant, tenant));
}
