namespace Portals.Search.Lucene;

/// <summary>Counts of one dimension: per segment by ordinal, turned into labels when the segment ends.</summary>
internal abstract class FacetCounter(string? filter)
{
    private readonly Dictionary<string, long> _totals = new(StringComparer.Ordinal);
    private int[] _counts = [];
    private string[] _labels = [];

    /// <summary>Ordinal of the filter value in the current segment; -1 when absent (nothing there can pass).</summary>
    protected int FilterOrd { get; private set; } = -1;

    protected bool HasFilter => filter is not null;

    protected int[] Counts => _counts;

    protected void StartSegment(string[] labels)
    {
        Flush();
        _labels = labels;
        _counts = new int[labels.Length];
        FilterOrd = filter is null ? -1 : Array.IndexOf(labels, filter);
    }

    public Dictionary<string, long> Finish()
    {
        Flush();
        return _totals.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    private void Flush()
    {
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] > 0)
            {
                _totals[_labels[ord]] = _totals.GetValueOrDefault(_labels[ord]) + _counts[ord];
            }
        }
    }
}

internal sealed class FacetDimension(string? filter) : FacetCounter(filter)
{
    private int[] _ords = [];
    private int _ord;

    public void NextSegment(FacetColumn column)
    {
        StartSegment(column.Labels);
        _ords = column.Ords;
    }

    /// <summary>Remembers the document's value and says whether it passes this dimension's filter.</summary>
    public bool Load(int doc)
    {
        _ord = _ords[doc];
        return !HasFilter || (_ord >= 0 && _ord == FilterOrd);
    }

    public void Count()
    {
        if (_ord >= 0)
        {
            Counts[_ord]++;
        }
    }
}

internal sealed class MultiFacetDimension(string? filter) : FacetCounter(filter)
{
    private MultiFacetColumn _column = new([0], [], []);
    private int _from;
    private int _to;

    public void NextSegment(MultiFacetColumn column)
    {
        StartSegment(column.Labels);
        _column = column;
    }

    /// <summary>A document passes when any of its values is the filter.</summary>
    public bool Load(int doc)
    {
        _from = _column.Starts[doc];
        _to = _column.Starts[doc + 1];
        return !HasFilter || (FilterOrd >= 0 && Array.IndexOf(_column.Ords, FilterOrd, _from, _to - _from) >= 0);
    }

    public void Count()
    {
        for (var i = _from; i < _to; i++)
        {
            Counts[_column.Ords[i]]++;
        }
    }
}
