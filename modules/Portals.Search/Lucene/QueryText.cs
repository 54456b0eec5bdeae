namespace Portals.Search.Lucene;

/// <summary>One syllable of the user's text: lower-cased with its tones, folded, as typed, and the quoted phrase holding it (-1: none).</summary>
internal readonly record struct QueryWord(string Exact, string Folded, string Typed, int Phrase)
{
    public bool Quoted => Phrase >= 0;
}

/// <summary>
/// The user's text as words, never as query syntax. Text between a pair of double quotes (straight or curly) is a
/// phrase that must appear as typed, in order; an unpaired quote is just punctuation. Hyphens, dashes, slashes and
/// other punctuation separate words like spaces do, so <c>Chuyển-Đổi-Số</c> is the three words of the spaced phrase.
/// </summary>
internal sealed class QueryText
{
    /// <summary>Input is cut here before analysis so a pasted novel costs no more than a sentence.</summary>
    public const int MaxTextLength = 1024;

    /// <summary>At most this many syllables take part; later ones are ignored.</summary>
    public const int MaxTokens = 32;

    private static readonly char[] Quotes = ['"', '\u201C', '\u201D', '\u201E'];

    private QueryText(List<QueryWord> words, int phrases)
    {
        Words = words;
        PhraseCount = phrases;
    }

    public IReadOnlyList<QueryWord> Words { get; }

    public int PhraseCount { get; }

    /// <summary>Null when the text is blank (the caller lists newest first instead).</summary>
    public static QueryText? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = TextNormalizer.Normalize(TextNormalizer.Truncate(text, MaxTextLength));
        var quotes = QuotePositions(normalized);
        var words = new List<QueryWord>();
        var phrases = 0;
        var start = 0;
        for (var i = 0; i <= quotes.Count && words.Count < MaxTokens; i++)
        {
            var end = i < quotes.Count ? quotes[i] : normalized.Length;
            // Segments alternate: outside quotes, inside a pair, outside, …
            var phrase = i % 2 == 1 ? phrases : -1;
            var added = AddWords(words, normalized, start, end, phrase);
            if (phrase >= 0 && added > 0)
            {
                phrases++;
            }

            start = end + 1;
        }

        return new QueryText(words, phrases);
    }

    private static int AddWords(List<QueryWord> words, string text, int start, int end, int phrase)
    {
        if (end <= start)
        {
            return 0;
        }

        var segment = text[start..end];
        var tokens = VietnameseAnalyzers.Tokens(VietnameseAnalyzers.Exact, segment, MaxTokens - words.Count);
        foreach (var (term, from, to) in tokens)
        {
            words.Add(new QueryWord(term, VietnameseAnalyzers.Fold(term), segment[from..to], phrase));
        }

        return tokens.Count;
    }

    /// <summary>Positions of the quotes that pair up, in order; the last one is dropped when their number is odd.</summary>
    private static List<int> QuotePositions(string text)
    {
        var positions = new List<int>();
        for (var at = text.IndexOfAny(Quotes); at >= 0; at = text.IndexOfAny(Quotes, at + 1))
        {
            positions.Add(at);
        }

        if (positions.Count % 2 == 1)
        {
            positions.RemoveAt(positions.Count - 1);
        }

        return positions;
    }
}
