using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>
/// One <see cref="SearcherManager"/> and the searches using it. A failed batch replaces the writer and with it the
/// manager; the replaced generation is disposed only when the last search that entered it has left, so no search ever
/// meets a disposed manager. The index itself holds one reference until it retires the generation.
/// </summary>
internal sealed class SearcherGeneration(SearcherManager manager)
{
    private int _holders = 1;

    public SearcherManager Manager => manager;

    /// <summary>False once the generation is retired and every holder has left: read the current one again.</summary>
    public bool TryEnter()
    {
        while (true)
        {
            var holders = Volatile.Read(ref _holders);
            if (holders == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _holders, holders + 1, holders) == holders)
            {
                return true;
            }
        }
    }

    /// <summary>Ends one hold (a search, or the index's own when it retires the generation); the last one disposes.</summary>
    public void Leave()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            manager.Dispose();
        }
    }

    /// <summary>Runs <paramref name="read"/> on a point-in-time searcher of this generation; the caller has entered it.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = manager.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }
}
