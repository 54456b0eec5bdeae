using Lucene.Net.Documents;

namespace Portals.Search.Lucene;

/// <summary>Where the index lives. One folder holds every tenant; one process may open it at a time (Lucene write lock).</summary>
public sealed record LuceneSearchIndexOptions(string IndexPath)
{
    /// <summary>Indexing buffer before Lucene flushes a segment; larger speeds up full rebuilds.</summary>
    public double RamBufferSizeMb { get; init; } = 48;

    /// <summary>Searches whose results each point-in-time reader keeps (<see cref="ReaderCache{TKey, TValue}"/>); 0 turns it off.</summary>
    public int ResultCacheEntries { get; init; }

    /// <summary>
    /// The province or city each tenant stands for, by tenant name ("haugiang" → ["Hậu Giang"]): a query naming it
    /// boosts that tenant's documents.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Places { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Tests replace the mapping to make Lucene itself reject a document mid-batch.</summary>
    internal Func<SearchDocument, Document>? ToLucene { get; init; }
}
