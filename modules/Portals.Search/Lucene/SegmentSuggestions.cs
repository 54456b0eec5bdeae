using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Portals.Search.Lucene;

/// <summary>A title or word start that matched, with the folded title text from there (for ordering across segments).</summary>
internal readonly record struct SuggestCandidate(string Key, int Doc);

/// <summary>
/// One segment's folded titles in memory, with every word start of every title sorted by the text that follows it
/// (a suffix array over word starts): what was typed is a binary search away, and the matches are in order. Titles
/// starting with the text are kept apart from those matching at a later word, so they come first. Built once per
/// segment (segments never change; deletions are read from the live docs of the current reader) from doc values,
/// and for merged segments while merging (<see cref="SegmentWarmer"/>), so no search waits for it.
/// </summary>
internal sealed class SegmentSuggestions
{
    private static readonly ConditionalWeakTable<object, SegmentSuggestions> Cache = new();

    private readonly byte[] _text;
    private readonly int[] _starts;
    private readonly int[] _heads;
    private readonly long[] _inner;

    private SegmentSuggestions(AtomicReader reader)
    {
        var values = reader.GetBinaryDocValues(SearchFields.TitleFolded);
        _starts = new int[reader.MaxDoc + 1];
        var text = new ArrayBufferWriter<byte>(reader.MaxDoc * 48 + 1);
        var heads = new List<int>(reader.MaxDoc);
        var inner = new List<long>(reader.MaxDoc * 8);
        var scratch = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            values?.Get(doc, scratch);
            var title = values is null ? [] : scratch.Bytes.AsSpan(scratch.Offset, scratch.Length);
            var start = text.WrittenCount;
            text.Write(title);
            _starts[doc + 1] = text.WrittenCount;
            if (title.Length == 0)
            {
                continue;
            }

            heads.Add(doc);
            for (var i = 1; i < title.Length; i++)
            {
                if (title[i - 1] == (byte)' ')
                {
                    inner.Add(((long)doc << 32) | (uint)(start + i));
                }
            }
        }

        _text = text.WrittenSpan.ToArray();
        _heads = [.. heads];
        _inner = [.. inner];
        Array.Sort(_heads, (a, b) => From(a, _starts[a]).SequenceCompareTo(From(b, _starts[b])));
        Array.Sort(_inner, (a, b) => From(a).SequenceCompareTo(From(b)));
        Sectors = SectorLabels.Load(reader);
    }

    public SectorLabels Sectors { get; }

    public static SegmentSuggestions For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentSuggestions(reader));

    /// <summary>
    /// Up to <paramref name="max"/> documents whose title starts with <paramref name="prefix"/> into <paramref name="heads"/>,
    /// and up to as many others with a later word starting with it into <paramref name="inner"/>, in order, each once.
    /// </summary>
    public void Find(ReadOnlySpan<byte> prefix, Func<int, bool> accept, int docBase, int max,
        List<SuggestCandidate> heads, List<SuggestCandidate> inner)
    {
        var found = 0;
        for (var i = LowerBound(_heads, prefix, e => From(e, _starts[e])); i < _heads.Length && found < max; i++)
        {
            var doc = _heads[i];
            var title = From(doc, _starts[doc]);
            if (!title.StartsWith(prefix))
            {
                break;
            }

            if (accept(doc))
            {
                heads.Add(new SuggestCandidate(Encoding.UTF8.GetString(title), docBase + doc));
                found++;
            }
        }

        var seen = new HashSet<int>();
        for (var i = LowerBound(_inner, prefix, From); i < _inner.Length && seen.Count < max; i++)
        {
            var doc = (int)(_inner[i] >> 32);
            var suffix = From(_inner[i]);
            if (!suffix.StartsWith(prefix))
            {
                break;
            }

            // A title starting with the text is already a head; a title matching at two words counts once.
            if (!From(doc, _starts[doc]).StartsWith(prefix) && accept(doc) && seen.Add(doc))
            {
                inner.Add(new SuggestCandidate(Encoding.UTF8.GetString(suffix), docBase + doc));
            }
        }
    }

    private ReadOnlySpan<byte> From(long entry) => From((int)(entry >> 32), (int)(entry & 0xFFFFFFFF));

    private ReadOnlySpan<byte> From(int doc, int offset) => _text.AsSpan(offset, _starts[doc + 1] - offset);

    private delegate ReadOnlySpan<byte> KeyOf<T>(T entry);

    /// <summary>First entry whose text is not below <paramref name="prefix"/>: every match follows it, contiguously.</summary>
    private static int LowerBound<T>(T[] entries, ReadOnlySpan<byte> prefix, KeyOf<T> key)
    {
        int low = 0, high = entries.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (key(entries[middle]).SequenceCompareTo(prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
