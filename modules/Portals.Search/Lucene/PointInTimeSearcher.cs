using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Portals.Search.Lucene;

/// <summary>
/// The searcher of one point-in-time reader, BM25-scored. A field's collection statistics are read once: Lucene reads
/// them again for every term of every query (walking all segments each time), and a near spelling, pair or title word
/// is one more term; the reader never changes, so neither do they, nor the results of a search (<see cref="Results"/>).
/// </summary>
internal sealed class PointInTimeSearcher : IndexSearcher
{
    private readonly ConcurrentDictionary<string, CollectionStatistics> _fields = new(StringComparer.Ordinal);

    public PointInTimeSearcher(IndexReader reader, int resultCacheEntries = 0)
        : base(reader)
    {
        Similarity = new BM25Similarity();
        Results = new SearchResultCache(resultCacheEntries);
    }

    public SearchResultCache Results { get; }

    public override CollectionStatistics CollectionStatistics(string field) =>
        _fields.GetOrAdd(field, base.CollectionStatistics);
}
