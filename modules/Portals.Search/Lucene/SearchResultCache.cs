using System.Collections.Concurrent;

namespace Portals.Search.Lucene;

/// <summary>
/// The results of searches already run on one point-in-time reader, as Solr's queryResultCache and Elasticsearch's
/// request cache keep them. The reader never changes, so a result stays exact for as long as the reader is searched;
/// a commit opens a new reader with an empty cache, so nothing is ever invalidated by hand and a write is never hidden.
/// A popular query then costs a dictionary lookup instead of matching, rescoring, stored fields and snippets.
/// </summary>
internal sealed class SearchResultCache(int capacity)
{
    // SearchQuery is a record of strings and numbers: equal searches are equal keys.
    private readonly ConcurrentDictionary<SearchQuery, SearchResults> _entries = new();

    public SearchResults GetOrRun(SearchQuery query, Func<SearchResults> run)
    {
        if (capacity == 0)
        {
            return run();
        }

        if (_entries.TryGetValue(query, out var cached))
        {
            return cached;
        }

        // A failed or cancelled search throws here and leaves nothing behind.
        var results = run();
        if (_entries.Count >= capacity)
        {
            // Clearing rather than evicting one by one: a reader lives seconds to minutes, the popular queries come
            // back at once, and a flood of distinct queries cannot grow the cache past its bound.
            _entries.Clear();
        }

        _entries.TryAdd(query, results);
        return results;
    }
}
