using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portals.Search.Lucene;

/// <summary>
/// Near spellings of a query word, on the folded form: one edit for 5 to 7 letters, two from 8 (an edit is an
/// inserted, deleted or replaced letter, or two swapped ones). Only a word of letters can be misspelled; numbers and
/// codes such as <c>61C</c> never are. A word is looked up only when it is unknown or rare (fewer than one document in
/// <see cref="RareOneIn"/>): a typo is far rarer than the word meant, and looking up every common word would both cost
/// time and match its many neighbours ("truong" → "trong").
/// </summary>
internal static class TypoAlternatives
{
    public const int MinLength = 5;
    public const int TwoEditsFrom = 8;
    public const int RareOneIn = 10_000;

    /// <summary>Alternatives kept per word: the closest, then the most frequent.</summary>
    public const int MaxAlternatives = 4;

    /// <summary>An alternative must be this many times more frequent than the word as typed.</summary>
    private const int MoreFrequentBy = 10;

    public static bool MayBeTypo(string folded, int docFreq, int numDocs) =>
        folded.Length >= MinLength && IsLetters(folded) && (docFreq == 0 || (long)docFreq * RareOneIn < numDocs);

    /// <summary>Words whose near spellings are kept per reader; past this, new words are looked up every time.</summary>
    public const int CachedWords = 1024;

    /// <summary>
    /// Near spellings per point-in-time reader: the look-up walks the term dictionary with an edit automaton, which
    /// cost more than the search itself, and the same words come back (typed by many people, or page after page).
    /// The reader is the key, so a reopened searcher starts afresh and the entries go away with the reader; they are
    /// words of the shared index only, never anything about who asked.
    /// </summary>
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, IReadOnlyList<string>>> ByReader = new();

    /// <summary><see cref="Find"/>, remembered for <paramref name="reader"/> (whose term statistics decide it).</summary>
    public static IReadOnlyList<string> Cached(IndexReader reader, string folded, int docFreq)
    {
        var cache = ByReader.GetValue(reader, static _ => new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
        if (cache.TryGetValue(folded, out var found))
        {
            return found;
        }

        found = Find(reader, folded, docFreq).AsReadOnly();
        if (cache.Count < CachedWords)
        {
            cache.TryAdd(folded, found);
        }

        return found;
    }

    /// <summary>Folded terms of the all-text field near <paramref name="folded"/>, best first.</summary>
    public static List<string> Find(IndexReader reader, string folded, int docFreq)
    {
        var terms = MultiFields.GetTerms(reader, SearchFields.AllText);
        if (terms is null)
        {
            return [];
        }

        var maxEdits = folded.Length >= TwoEditsFrom ? 2 : 1;
        var candidates = new List<(string Term, int Distance, int DocFreq)>();
        var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(SearchFields.AllText, folded), maxEdits, 0, true);
        while (fuzzy.MoveNext())
        {
            // The all-text field also holds the exact forms (with tones); a typo is matched on the folded ones.
            var term = fuzzy.Term.Utf8ToString();
            if (IsLetters(term) && !string.Equals(term, folded, StringComparison.Ordinal)
                && fuzzy.DocFreq >= Math.Max(1L, (long)docFreq * MoreFrequentBy))
            {
                candidates.Add((term, Distance(folded, term), fuzzy.DocFreq));
            }
        }

        return candidates.OrderBy(c => c.Distance).ThenByDescending(c => c.DocFreq).ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(MaxAlternatives).Select(c => c.Term).ToList();
    }

    private static bool IsLetters(string term)
    {
        foreach (var c in term)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Edits between two short words, adjacent swaps counting one (optimal string alignment).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
