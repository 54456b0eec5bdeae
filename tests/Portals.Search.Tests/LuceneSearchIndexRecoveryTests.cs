using System.Collections.Concurrent;
using Portals.Search.Lucene;
using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary>A failed batch replaces the writer and searchers; searches running meanwhile must not meet disposed ones.</summary>
public sealed partial class LuceneSearchIndexContractTests
{
    private LuceneSearchIndex Lucene => (LuceneSearchIndex)Index;

    private async Task FailABatchAsync() =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Index.Put(CanTho, 99, Doc(CanTho, "bad", "Quá dài")));

    /// <summary>
    /// Pins the searchers exactly where a search stands after reading the index's current searchers and before acquiring
    /// one: before the fix, Recover() disposed that SearcherManager there, and Acquire() threw ObjectDisposedException.
    /// </summary>
    [Fact]
    public async Task Recover_WhileASearchHoldsTheSearchers_ThoseStayUsableUntilItLeaves()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Bến Ninh Kiều"), Doc(CanTho, "b", "Cầu Cần Thơ"));
        var pinned = Lucene.EnterSearchers();

        await FailABatchAsync();

        Assert.Equal(2, pinned.Read(searcher => searcher.IndexReader.NumDocs));
        Assert.Equal(["a", "b"], (await Index.Find(null)).Ids().Order());
        var current = Lucene.EnterSearchers();
        Assert.NotSame(pinned, current);
        current.Leave();
        pinned.Leave();
        Assert.Throws<ObjectDisposedException>(() => pinned.Manager.Acquire());
    }

    [Fact]
    public async Task Recover_ManyTimesDuringConcurrentSearches_EverySearchSucceeds()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Bến Ninh Kiều"));
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Assert.Equal(1, (await Index.Find(null)).Total);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex);
                }
            }
        })).ToList();

        for (var i = 0; i < 100 && failures.IsEmpty; i++)
        {
            await FailABatchAsync();
        }
        await stop.CancelAsync();
        await Task.WhenAll(searches);

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Dispose_WhileASearchHoldsTheSearchers_ItFinishesThenNewSearchesAreRefused()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Bến Ninh Kiều"));
        var pinned = Lucene.EnterSearchers();

        ((IDisposable)Index).Dispose();

        Assert.Equal(1, pinned.Read(searcher => searcher.IndexReader.NumDocs));
        pinned.Leave();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Index.Find(null));
    }
}
