using Portals.Search.Lucene;
using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary>
/// The whole contract again with the result cache on, as the application runs it: every search after a write is
/// answered by a new reader, so no contract may see a kept result from before the write.
/// </summary>
public sealed class CachedLuceneSearchIndexContractTests : SearchIndexContractTests
{
    private readonly TempFolder _folder = new();

    protected override ISearchIndex OpenIndex() => new LuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path) { ResultCacheEntries = 4 });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }

    [Fact]
    public async Task SearchAsync_SameSearchOnOneReader_AnsweredFromTheCache_AnotherSearchIsNot()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Chợ nổi Cái Răng"), Doc(CanTho, "b", "Bến Ninh Kiều"));

        var first = await Index.Find("Cái Răng");
        var again = await Index.Find("Cái Răng");
        var other = await Index.Find("Ninh Kiều");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(["b"], other.Ids());
    }

    [Fact]
    public async Task SearchAsync_MoreDistinctSearchesThanEntries_CacheStaysBoundedAndResultsExact()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Chợ nổi Cái Răng"), Doc(CanTho, "b", "Bến Ninh Kiều"));

        // Four entries: the fifth distinct search clears them, so the first is run again (a new instance, same hits).
        var first = await Index.Find("Cái Răng");
        foreach (var text in new[] { "Ninh Kiều", "chợ", "bến", "nổi" })
        {
            Assert.NotEqual(0, (await Index.Find(text)).Total);
        }
        var later = await Index.Find("Cái Răng");

        Assert.NotSame(first, later);
        Assert.Equal(first.Ids(), later.Ids());
    }

    [Fact]
    public void ReaderCache_Off_RunsEveryCall()
    {
        var cache = new ReaderCache<string, int>(0);
        var runs = 0;

        cache.GetOrAdd("chợ", _ => ++runs);
        cache.GetOrAdd("chợ", _ => ++runs);

        Assert.Equal(2, runs);
    }

    [Fact]
    public void ReaderCache_AFailedCall_KeepsNothing()
    {
        var cache = new ReaderCache<string, int>(4);

        Assert.Throws<OperationCanceledException>(() => cache.GetOrAdd("chợ", _ => throw new OperationCanceledException()));

        Assert.Equal(7, cache.GetOrAdd("chợ", _ => 7));
    }
}
