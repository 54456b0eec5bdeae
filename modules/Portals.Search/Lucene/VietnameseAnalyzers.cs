using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Portals.Search.Lucene;

/// <summary>
/// Vietnamese is written syllable by syllable with spaces, so UAX#29 word breaking (StandardTokenizer) yields syllables.
/// Views of the same text: exact (lower-cased, keeps tones: "bão" ≠ "báo"), folded (no diacritics, đ→d: "can tho"
/// finds "Cần Thơ"), both at once for indexing, and folded bigrams (adjacent syllables: "công nghệ" as a unit).
/// Input must be NFC.
/// </summary>
internal static class VietnameseAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Exact { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, new LowerCaseFilter(Version, source));
    });

    public static Analyzer Folded { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(Version, source)));
    });

    /// <summary><see cref="Exact"/> for text the caller has already lower-cased as a whole: word breaking only.</summary>
    public static Analyzer Tokenizer { get; } = Analyzer.NewAnonymous((_, reader) =>
        new TokenStreamComponents(new StandardTokenizer(Version, reader)));

    /// <summary>
    /// <see cref="Folded"/> for text the caller has already lower-cased as a whole (<see cref="string.ToLowerInvariant()"/>,
    /// which keeps every offset): LowerCaseFilter lower-cases token by token through ICU, which was a fifth of a search
    /// request's CPU in the snippets.
    /// </summary>
    public static Analyzer FoldedOfLowered { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(source));
    });

    /// <summary>
    /// Folded and exact forms in one field, the exact one only where it differs, at the same position. One field
    /// instead of two halves the indexing work; BM25 discounts the overlapping tokens from the field length.
    /// </summary>
    public static Analyzer FoldedAndExact { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(Version, source), preserveOriginal: true));
    });

    public static Analyzer Bigram { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        var shingles = new ShingleFilter(new ASCIIFoldingFilter(new LowerCaseFilter(Version, source)), 2, 2);
        shingles.SetOutputUnigrams(false);
        return new TokenStreamComponents(source, shingles);
    });

    /// <summary>Routes each analysed field to its view; every other field is indexed as a single keyword.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
        new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleText] = FoldedAndExact,
            [SearchFields.AllText] = FoldedAndExact,
            [SearchFields.AllBigram] = Bigram,
        });

    /// <summary>The folded form of one exact token, with the same rules as the Folded analyzer.</summary>
    public static string Fold(string token)
    {
        var input = token.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    /// <summary>Runs <paramref name="analyzer"/> and returns (term, start, end) for each token, stopping after <paramref name="maxTokens"/>.</summary>
    public static List<(string Term, int Start, int End)> Tokens(Analyzer analyzer, string text, int maxTokens)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (tokens.Count < maxTokens && stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// The tokens of <paramref name="text"/> that are in <paramref name="terms"/> (an ordinal set), with offsets.
    /// Looks tokens up by span, so a long body costs no string per token, only per match.
    /// </summary>
    public static List<(string Term, int Start, int End)> Matches(Analyzer analyzer, string text, HashSet<string> terms, int maxTokens)
    {
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var matches = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        for (var count = 0; count < maxTokens && stream.IncrementToken(); count++)
        {
            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var match))
            {
                matches.Add((match, offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return matches;
    }
}
