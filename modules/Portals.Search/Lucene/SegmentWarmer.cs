using Lucene.Net.Index;

namespace Portals.Search.Lucene;

/// <summary>
/// Loads a merged segment's facet columns and suggestion arrays on the merge thread, before searches see the
/// segment: a large merge would otherwise make the first search or suggestion after it wait for the load.
/// </summary>
internal sealed class SegmentWarmer : IndexWriter.IndexReaderWarmer
{
    public override void Warm(AtomicReader reader)
    {
        SegmentFacets.For(reader);
        SegmentSuggestions.For(reader);
    }
}
