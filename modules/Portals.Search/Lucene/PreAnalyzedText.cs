using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Portals.Search.Lucene;

/// <summary>
/// One text value tokenized once for all its indexed views. The tokenizer was most of the indexing cost, and running
/// it per view (all-text, title, bigrams) paid it two or three times over. The views produce exactly the terms and
/// positions of <see cref="VietnameseAnalyzers.FoldedAndExact"/> and <see cref="VietnameseAnalyzers.Bigram"/>.
/// </summary>
internal sealed class PreAnalyzedText
{
    /// <summary>Folding a syllable allocates; news reuses a few thousand syllables, so each thread keeps their forms.</summary>
    [ThreadStatic]
    private static Dictionary<string, (string Exact, string Folded)>? t_forms;

    private const int MaxCachedForms = 50_000;

    private readonly List<(string Exact, string Folded, int Increment)> _tokens = [];

    public PreAnalyzedText(string text)
    {
        var forms = t_forms ??= new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        // Lower-cased in one call rather than token by token (see VietnameseAnalyzers.FoldedOfLowered): the same tokens.
        using var stream = VietnameseAnalyzers.Tokenizer.GetTokenStream("f", text.ToLowerInvariant());
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            if (!lookup.TryGetValue(span, out var form))
            {
                if (forms.Count >= MaxCachedForms)
                {
                    forms.Clear();
                }

                var exact = span.ToString();
                form = (exact, VietnameseAnalyzers.Fold(exact));
                forms[exact] = form;
            }

            _tokens.Add((form.Exact, form.Folded, increment.PositionIncrement));
        }

        stream.End();
    }

    /// <summary>The first <paramref name="max"/> folded syllables joined by single spaces ("cai tao khai thong"), for suggestions.</summary>
    public string FoldedWords(int max) => string.Join(' ', _tokens.Take(max).Select(t => t.Folded));

    /// <summary>Folded syllables, each followed at the same position by its exact form when it has non-ASCII letters (as ASCIIFoldingFilter with preserveOriginal).</summary>
    public TokenStream FoldedAndExact()
    {
        var terms = new List<(string, int)>(_tokens.Count * 2);
        foreach (var (exact, folded, increment) in _tokens)
        {
            terms.Add((folded, increment));
            if (HasNonAscii(exact))
            {
                terms.Add((exact, 0));
            }
        }

        return new TermListTokenStream(terms);
    }

    /// <summary>
    /// Folded adjacent pairs, "cong nghe"; only term and frequency are indexed, so positions are plain. Where the
    /// tokenizer skipped a word (longer than 255 chars), ShingleFilter pairs with a "_" filler; so does this.
    /// </summary>
    public TokenStream FoldedBigrams()
    {
        var words = new List<string>(_tokens.Count);
        foreach (var (_, folded, increment) in _tokens)
        {
            for (var hole = 1; hole < increment; hole++)
            {
                words.Add("_");
            }

            words.Add(folded);
        }

        var terms = new List<(string, int)>(Math.Max(0, words.Count - 1));
        for (var i = 0; i + 1 < words.Count; i++)
        {
            terms.Add((string.Concat(words[i], " ", words[i + 1]), 1));
        }

        return new TermListTokenStream(terms);
    }

    private static bool HasNonAscii(string term)
    {
        foreach (var c in term)
        {
            if (c >= '\u0080')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replays terms with their position increments.</summary>
    private sealed class TermListTokenStream : TokenStream
    {
        private readonly List<(string Term, int Increment)> _terms;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private int _next;

        public TermListTokenStream(List<(string Term, int Increment)> terms)
        {
            _terms = terms;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _terms.Count)
            {
                return false;
            }

            ClearAttributes();
            var (term, increment) = _terms[_next++];
            _term.SetEmpty().Append(term);
            _increment.PositionIncrement = increment;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
