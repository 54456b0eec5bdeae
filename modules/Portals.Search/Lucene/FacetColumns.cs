using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Portals.Search.Lucene;

/// <summary>
/// A segment's facet ordinals copied out of doc values into plain arrays once, then shared by every search: reading
/// Lucene's packed doc values per matching document cost about as much as scoring it. Segments never change (we use
/// no doc-value updates; deletions are handled by the scorer), so the segment core is a safe cache key, and the
/// entry goes away with the segment.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    private SegmentFacets(AtomicReader reader)
    {
        Tenant = FacetColumn.Load(reader, SearchFields.Tenant);
        ContentType = FacetColumn.Load(reader, SearchFields.ContentType);
        Sector = MultiFacetColumn.Load(reader, SearchFields.Sector);
    }

    public FacetColumn Tenant { get; }
    public FacetColumn ContentType { get; }
    public MultiFacetColumn Sector { get; }

    public static SegmentFacets For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacets(reader));

    internal static string[] Labels(long count, Action<long, BytesRef> lookup)
    {
        var labels = new string[count];
        var scratch = new BytesRef();
        for (var ord = 0L; ord < count; ord++)
        {
            lookup(ord, scratch);
            labels[ord] = scratch.Utf8ToString();
        }

        return labels;
    }
}

/// <summary>Single-valued: <see cref="Ords"/>[doc] indexes <see cref="Labels"/>, -1 when the document has no value.</summary>
internal sealed record FacetColumn(int[] Ords, string[] Labels)
{
    public static FacetColumn Load(AtomicReader reader, string field)
    {
        var values = reader.GetSortedDocValues(field);
        var ords = new int[reader.MaxDoc];
        if (values is null)
        {
            Array.Fill(ords, -1);
            return new FacetColumn(ords, []);
        }

        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = values.GetOrd(doc);
        }

        return new FacetColumn(ords, SegmentFacets.Labels(values.ValueCount, (ord, bytes) => values.LookupOrd((int)ord, bytes)));
    }
}

/// <summary>Multi-valued, compressed rows: the ordinals of doc are Ords[Starts[doc]..Starts[doc + 1]].</summary>
internal sealed record MultiFacetColumn(int[] Starts, int[] Ords, string[] Labels)
{
    public static MultiFacetColumn Load(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        var starts = new int[reader.MaxDoc + 1];
        if (values is null)
        {
            return new MultiFacetColumn(starts, [], []);
        }

        var ords = new List<int>(reader.MaxDoc * 2);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ords.Add((int)ord);
            }

            starts[doc + 1] = ords.Count;
        }

        return new MultiFacetColumn(starts, [.. ords], SegmentFacets.Labels(values.ValueCount, values.LookupOrd));
    }
}
