using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portals.Search.Engine;

/// <summary>What the user's text became: the Lucene query, and the folded terms the snippet marks.</summary>
internal sealed record TextMatch(Query Query, IReadOnlySet<string> FoldedTerms);

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

    private const float TitleBoost = 3f;
    private const float BodyBoost = 1f;
    private const float TitleBigramBoost = 3f;
    private const float BodyBigramBoost = 1.5f;
    private const float TitlePhraseBoost = 3f;
    private const float BodyPhraseBoost = 1.5f;

    /// <summary>The whole-query phrase uses at most this many syllables, so its cost stays bounded.</summary>
    public const int MaxPhraseTokens = 8;

    /// <summary>One inserted syllable still counts as the phrase ("công nghệ và thông tin").</summary>
    private const int PhraseSlop = 1;

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
            return new TextMatch(new BooleanQuery(), new HashSet<string>());
        }

        var folded = exact.ConvertAll(VietnameseAnalyzers.Fold);
        var words = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exact.Count; i++)
        {
            if (seen.Add(exact[i]))
            {
                words.Add(WordQuery(exact[i], folded[i]), Occur.SHOULD);
            }
        }

        // Long questions rarely contain every word of the answer; short ones must.
        words.MinimumNumberShouldMatch = seen.Count <= 2 ? seen.Count : seen.Count - (seen.Count / 4);

        var query = new BooleanQuery { { words, Occur.MUST } };
        var bigrams = BigramQuery(folded);
        if (bigrams is not null)
        {
            query.Add(bigrams, Occur.SHOULD);
            query.Add(Phrase(SearchFields.TitleFolded, folded, TitlePhraseBoost), Occur.SHOULD);
            query.Add(Phrase(SearchFields.BodyFolded, folded, BodyPhraseBoost), Occur.SHOULD);
        }

        return new TextMatch(query, new HashSet<string>(folded, StringComparer.Ordinal));
    }

    /// <summary>
    /// One syllable: folded title/body always; exact title/body too when the user typed diacritics, so "bão" (storm)
    /// outranks "báo" (newspaper). Without diacritics the user gave no tone, so no exact form is preferred.
    /// Scores add up: a document matching exactly scores both the exact and the folded clause.
    /// </summary>
    private static BooleanQuery WordQuery(string exact, string folded)
    {
        var query = new BooleanQuery
        {
            { Term(SearchFields.TitleFolded, folded, TitleBoost), Occur.SHOULD },
            { Term(SearchFields.BodyFolded, folded, BodyBoost), Occur.SHOULD },
        };
        if (!string.Equals(exact, folded, StringComparison.Ordinal))
        {
            query.Add(Term(SearchFields.TitleExact, exact, TitleBoost), Occur.SHOULD);
            query.Add(Term(SearchFields.BodyExact, exact, BodyBoost), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Adjacent folded syllables as optional bigram terms: "công nghệ thông tin" together beats the words apart.</summary>
    private static BooleanQuery? BigramQuery(List<string> folded)
    {
        if (folded.Count < 2)
        {
            return null;
        }

        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < folded.Count; i++)
        {
            var bigram = folded[i] + " " + folded[i + 1];
            if (seen.Add(bigram))
            {
                query.Add(Term(SearchFields.TitleBigram, bigram, TitleBigramBoost), Occur.SHOULD);
                query.Add(Term(SearchFields.BodyBigram, bigram, BodyBigramBoost), Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>
    /// The query's syllables in order: the strongest adjacency signal, beating a shorter text that has the same words
    /// apart. Bigrams alone only reward each adjacent pair.
    /// </summary>
    private static PhraseQuery Phrase(string field, List<string> folded, float boost)
    {
        var phrase = new PhraseQuery { Slop = PhraseSlop, Boost = boost };
        for (var i = 0; i < Math.Min(folded.Count, MaxPhraseTokens); i++)
        {
            phrase.Add(new Term(field, folded[i]), i);
        }

        return phrase;
    }

    private static TermQuery Term(string field, string text, float boost) =>
        new(new Term(field, text)) { Boost = boost };
}
