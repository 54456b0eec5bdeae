using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Portals.Search.Engine;

/// <summary>A single-valued dimension: per-segment counts by ordinal, turned into labels once per segment.</summary>
internal sealed class FacetDimension(string field, string? filter)
{
    private readonly Dictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private SortedDocValues? _values;
    private int[] _counts = [];
    private int _filterOrd;
    private int _ord;

    public void NextSegment(AtomicReader reader)
    {
        Flush();
        _values = reader.GetSortedDocValues(field);
        _counts = new int[_values?.ValueCount ?? 0];
        _filterOrd = filter is null || _values is null ? -1 : _values.LookupTerm(new BytesRef(filter));
    }

    public bool Load(int doc)
    {
        _ord = _values?.GetOrd(doc) ?? -1;
        return filter is null || (_filterOrd >= 0 && _ord == _filterOrd);
    }

    public void Count()
    {
        if (_ord >= 0)
        {
            _counts[_ord]++;
        }
    }

    public Dictionary<string, long> Finish()
    {
        Flush();
        return FacetOrder.ByCount(_totals);
    }

    private void Flush()
    {
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] > 0)
            {
                _values!.LookupOrd(ord, _scratch);
                var label = _scratch.Utf8ToString();
                _totals[label] = _totals.GetValueOrDefault(label) + _counts[ord];
            }
        }

        _counts = [];
    }
}

/// <summary>A multi-valued dimension (sector): a document counts once under each of its values.</summary>
internal sealed class MultiFacetDimension(string field, string? filter)
{
    private readonly Dictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private SortedSetDocValues? _values;
    private int[] _counts = [];
    private long[] _ords = new long[8];
    private int _ordCount;
    private long _filterOrd;

    public void NextSegment(AtomicReader reader)
    {
        Flush();
        _values = reader.GetSortedSetDocValues(field);
        _counts = new int[_values?.ValueCount ?? 0];
        _filterOrd = filter is null || _values is null ? -1 : _values.LookupTerm(new BytesRef(filter));
    }

    public bool Load(int doc)
    {
        _ordCount = 0;
        var matches = filter is null;
        if (_values is null)
        {
            return matches;
        }

        _values.SetDocument(doc);
        for (var ord = _values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _values.NextOrd())
        {
            if (_ordCount == _ords.Length)
            {
                Array.Resize(ref _ords, _ords.Length * 2);
            }

            _ords[_ordCount++] = ord;
            matches |= _filterOrd >= 0 && ord == _filterOrd;
        }

        return matches;
    }

    public void Count()
    {
        for (var i = 0; i < _ordCount; i++)
        {
            _counts[_ords[i]]++;
        }
    }

    public Dictionary<string, long> Finish()
    {
        Flush();
        return FacetOrder.ByCount(_totals);
    }

    private void Flush()
    {
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] > 0)
            {
                _values!.LookupOrd(ord, _scratch);
                var label = _scratch.Utf8ToString();
                _totals[label] = _totals.GetValueOrDefault(label) + _counts[ord];
            }
        }

        _counts = [];
    }
}

internal static class FacetOrder
{
    /// <summary>Most frequent first, then by label, so clients can render the dictionary in order.</summary>
    public static Dictionary<string, long> ByCount(Dictionary<string, long> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
