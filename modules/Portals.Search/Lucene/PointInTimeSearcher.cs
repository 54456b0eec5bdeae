using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Portals.Search.Lucene;

/// <summary>
/// The searcher of one point-in-time reader, BM25-scored. A field's collection statistics are read once: Lucene reads
/// them again for every term of every query (walking all segments each time), and a near spelling, pair or title word
/// is one more term; the reader never changes, so neither do they, nor the results of a search (<see cref="Results"/>),
/// nor a hit's stored fields (<see cref="HitDocument"/>).
/// </summary>
internal sealed class PointInTimeSearcher : IndexSearcher
{
    /// <summary>
    /// Hits whose stored fields are kept: decompressing a hit's chunk was a quarter of a search's CPU, and the first
    /// pages of popular searches keep showing the same documents. A few thousand bodies are a few tens of MB at most.
    /// </summary>
    public const int HitDocumentEntries = 4096;

    private readonly ConcurrentDictionary<string, CollectionStatistics> _fields = new(StringComparer.Ordinal);
    private readonly ReaderCache<int, Document> _hits;

    public PointInTimeSearcher(IndexReader reader, int resultCacheEntries = 0, int hitDocumentEntries = HitDocumentEntries)
        : base(reader)
    {
        Similarity = new BM25Similarity();
        Results = new ReaderCache<SearchQuery, SearchResults>(resultCacheEntries);
        _hits = new ReaderCache<int, Document>(hitDocumentEntries);
    }

    public ReaderCache<SearchQuery, SearchResults> Results { get; }

    public override CollectionStatistics CollectionStatistics(string field) =>
        _fields.GetOrAdd(field, base.CollectionStatistics);

    /// <summary>Every stored field of a hit; read-only (shared by the searches of this reader).</summary>
    public Document HitDocument(int doc) => _hits.GetOrAdd(doc, Doc);
}
