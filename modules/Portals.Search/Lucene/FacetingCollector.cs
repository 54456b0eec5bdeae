using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>
/// Sees every document that matches the text, applies the tenant/type/sector filters itself from doc values, forwards
/// the documents passing all three to the top-hits collector, and counts facets "drill-sideways": a document failing
/// exactly one filter still counts in that filter's dimension, so each dimension's counts apply the other filters only.
/// One pass over doc-value ordinals (cached per segment), no stored-field loads. Filters do not touch scores (Lucene 4.8 has no FILTER clause).
/// </summary>
internal sealed class FacetingCollector : ICollector
{
    private const int CancelCheckInterval = 8192;

    private readonly ICollector _top;
    private readonly CancellationToken _ct;
    private readonly FacetDimension _tenant;
    private readonly FacetDimension _type;
    private readonly MultiFacetDimension _sector;
    private int _sinceCancelCheck;

    public FacetingCollector(ICollector top, SearchQuery query, CancellationToken ct)
    {
        _top = top;
        _ct = ct;
        _tenant = new FacetDimension(query.Tenant);
        _type = new FacetDimension(query.ContentType);
        _sector = new MultiFacetDimension(query.Sector is null ? null : TextNormalizer.Normalize(query.Sector));
    }

    /// <summary>Documents that passed the text and every filter.</summary>
    public long Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => _top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        var facets = SegmentFacets.For(context.AtomicReader);
        _tenant.NextSegment(facets.Tenant);
        _type.NextSegment(facets.ContentType);
        _sector.NextSegment(facets.Sector);
        _top.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCancelCheck == CancelCheckInterval)
        {
            _sinceCancelCheck = 0;
            _ct.ThrowIfCancellationRequested();
        }

        var tenantOk = _tenant.Load(doc);
        var typeOk = _type.Load(doc);
        var sectorOk = _sector.Load(doc);
        if (tenantOk && typeOk && sectorOk)
        {
            Total++;
            _top.Collect(doc);
            _tenant.Count();
            _type.Count();
            _sector.Count();
        }
        else if (typeOk && sectorOk)
        {
            _tenant.Count();
        }
        else if (tenantOk && sectorOk)
        {
            _type.Count();
        }
        else if (tenantOk && typeOk)
        {
            _sector.Count();
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Facets() =>
        new Dictionary<string, IReadOnlyDictionary<string, long>>
        {
            [FacetNames.Tenant] = _tenant.Finish(),
            [FacetNames.ContentType] = _type.Finish(),
            [FacetNames.Sector] = _sector.Finish(),
        };
}
