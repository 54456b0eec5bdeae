using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>
/// What the user's text became. <paramref name="Query"/> decides what matches and gives the first-pass score (the
/// required words plus the exact tones typed); <paramref name="Boosts"/> (title words, adjacent pairs) is only scored
/// for the best first-pass candidates, and adds to their score; <paramref name="FoldedTerms"/> are what snippets mark.
/// </summary>
internal sealed record TextMatch(Query Query, Query? Boosts, HashSet<string> FoldedTerms);

/// <summary>
/// Builds the relevance query from analysed tokens only: user text never reaches a query parser, so quotes, AND, *, ~
/// and the like are just characters the tokenizer drops or keeps as words.
/// </summary>
internal static class TextQueryBuilder
{
    /// <summary>Input is cut here before analysis so a pasted novel costs no more than a sentence.</summary>
    public const int MaxTextLength = 1024;

    /// <summary>At most this many syllables take part; later ones are ignored.</summary>
    public const int MaxTokens = 32;

    private const float TitleBoost = 2f;
    private const float AllTextBoost = 1f;
    private const float AllBigramBoost = 1.5f;

    /// <summary>Null when the text is blank (the caller lists newest first instead).</summary>
    public static TextMatch? Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(TextNormalizer.Truncate(text, MaxTextLength));
        var exact = VietnameseAnalyzers.Tokens(VietnameseAnalyzers.Exact, normalized, MaxTokens).ConvertAll(t => t.Term);
        if (exact.Count == 0)
        {
            // Text with no word in it ("***", "?!") asks for nothing, so it matches nothing rather than everything.
            return new TextMatch(new BooleanQuery(), null, new HashSet<string>(StringComparer.Ordinal));
        }

        var folded = exact.ConvertAll(VietnameseAnalyzers.Fold);
        var foldedWords = folded.Distinct(StringComparer.Ordinal).ToList();

        // Long questions rarely contain every word of the answer; short ones must. When every word is required they
        // are MUST clauses: a conjunction skips through postings, a minimum-should-match scorer visits them all.
        var required = foldedWords.Count <= 3 ? foldedWords.Count : foldedWords.Count - (foldedWords.Count / 4);
        var occur = required == foldedWords.Count ? Occur.MUST : Occur.SHOULD;
        var words = new BooleanQuery();
        foldedWords.ForEach(word => words.Add(Term(SearchFields.AllText, word, AllTextBoost), occur));
        if (occur == Occur.SHOULD)
        {
            words.MinimumNumberShouldMatch = required;
        }

        // The required part is a plain conjunction over one field, as cheap as Lucene gets; it alone scores every
        // match. The optional clauses only reorder its best candidates (see IndexSearch): title words (the title is
        // also in the all-text field, so a title match scores twice), exact tones and adjacent pairs. Scoring them for
        // every match cost several times the conjunction, since common syllables match most documents and a typed
        // tone is often as common as its folded form. BM25's coord and query norm are 1, so the two passes add up to
        // exactly the score of one query holding every clause.
        var query = new BooleanQuery { { words, Occur.MUST } };
        var title = new BooleanQuery();
        foldedWords.ForEach(word => title.Add(Term(SearchFields.TitleText, word, TitleBoost), Occur.SHOULD));
        var boosts = new BooleanQuery { { title, Occur.SHOULD } };
        AddIfAny(boosts, ExactQuery(exact, folded));
        AddIfAny(boosts, BigramQuery(folded));
        return new TextMatch(query, boosts, new HashSet<string>(foldedWords, StringComparer.Ordinal));
    }

    /// <summary>
    /// The syllables the user typed with diacritics, as exact optional terms on the all-text field (the title is in it):
    /// a document with the same tones scores the exact clause on top of the folded one, so "bão" (storm) outranks "báo" (newspaper). A syllable typed without
    /// diacritics carries no tone, so no form of it is preferred.
    /// </summary>
    private static BooleanQuery ExactQuery(List<string> exact, List<string> folded)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exact.Count; i++)
        {
            if (!string.Equals(exact[i], folded[i], StringComparison.Ordinal) && seen.Add(exact[i]))
            {
                query.Add(Term(SearchFields.AllText, exact[i], AllTextBoost), Occur.SHOULD);
            }
        }

        return query;
    }

    private static void AddIfAny(BooleanQuery query, BooleanQuery optional)
    {
        if (optional.Clauses.Count > 0)
        {
            query.Add(optional, Occur.SHOULD);
        }
    }

    /// <summary>Adjacent folded syllables as optional bigram terms: "công nghệ thông tin" together beats the words apart.</summary>
    private static BooleanQuery BigramQuery(List<string> folded)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < folded.Count; i++)
        {
            var bigram = folded[i] + " " + folded[i + 1];
            if (seen.Add(bigram))
            {
                query.Add(Term(SearchFields.AllBigram, bigram, AllBigramBoost), Occur.SHOULD);
            }
        }

        return query;
    }

    private static TermQuery Term(string field, string text, float boost) =>
        new(new Term(field, text)) { Boost = boost };
}
