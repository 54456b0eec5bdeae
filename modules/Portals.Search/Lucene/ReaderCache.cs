using System.Collections.Concurrent;

namespace Portals.Search.Lucene;

/// <summary>
/// What one point-in-time reader has already computed, as Solr's per-searcher caches keep it: whole results
/// (queryResultCache, Elasticsearch's request cache) and the stored fields of hits (documentCache). The reader never
/// changes, so an entry stays exact for as long as the reader is searched; a commit opens a new reader with empty
/// caches, so nothing is ever invalidated by hand and a write is never hidden.
/// </summary>
internal sealed class ReaderCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();

    /// <summary>The kept value, or <paramref name="create"/>'s (kept unless it throws: a failed or cancelled search leaves nothing).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (capacity == 0)
        {
            return create(key);
        }

        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var value = create(key);
        if (_entries.Count >= capacity)
        {
            // Clearing rather than evicting one by one: a reader lives seconds to minutes, the popular entries come
            // back at once, and a flood of distinct keys cannot grow the cache past its bound.
            _entries.Clear();
        }

        _entries.TryAdd(key, value);
        return value;
    }
}
