using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;

namespace Portals.Search.Tests;

public sealed class LuceneSearchIndexContractTests : SearchIndexContractTests
{
    private readonly TempFolder _folder = new();

    protected override ISearchIndex OpenIndex() => new LuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }

    [Fact]
    public void Constructor_FolderAlreadyOpen_Throws()
    {
        _ = Index;

        Assert.ThrowsAny<Exception>(() => new LuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path)).Dispose());
    }

    [Fact]
    public async Task AddLuceneSearchIndex_ServiceProvider_ResolvesOneDisposableIndex()
    {
        var services = new ServiceCollection().AddLuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path));
        await using (var provider = services.BuildServiceProvider())
        {
            var port = provider.GetRequiredService<ISearchIndex>();
            Assert.Same(provider.GetRequiredService<LuceneSearchIndex>(), port);
            await port.Put(TestDocs.CanTho, 4, TestDocs.Doc(TestDocs.CanTho, "a", "Một"));
        }

        // The container disposed the index, releasing the folder's lock.
        Assert.Equal(4, await Index.GetCursorAsync(TestDocs.CanTho, CancellationToken.None));
    }

    [Fact]
    public async Task Constructor_IndexOfOtherSchema_StartsEmptyWithCursorsAtZero()
    {
        await Index.Put(TestDocs.CanTho, 5, TestDocs.Doc(TestDocs.CanTho, "a", "Bến Ninh Kiều"));
        ((IDisposable)Index).Dispose();
        using (var directory = FSDirectory.Open(_folder.Path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["cursor:cantho"] = "5", ["schema"] = "0" });
            writer.Commit();
        }

        Reopen();

        Assert.Equal(0, await Index.GetCursorAsync(TestDocs.CanTho, CancellationToken.None));
        Assert.Equal(0, (await Index.Find(null)).Total);
    }

    [Fact]
    public async Task ApplyAsync_LuceneRejectsADocumentMidBatch_RollsBackWholeBatchAndRecovers()
    {
        await Index.Put(TestDocs.CanTho, 1, TestDocs.Doc(TestDocs.CanTho, "kept", "Bến Ninh Kiều"));
        // A term over Lucene's 32,766-byte limit fails inside IndexWriter, after the first document was added.
        var immense = TestDocs.Doc(TestDocs.CanTho, "bad", "Quá dài", sectors: [new string('x', 40_000)]);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Index.Put(TestDocs.CanTho, 2, TestDocs.Doc(TestDocs.CanTho, "lost", "Chợ nổi Cái Răng"), immense));

        Assert.Equal(["kept"], (await Index.Find(null)).Ids());
        Assert.Equal(1, await Index.GetCursorAsync(TestDocs.CanTho, CancellationToken.None));
        await Index.Put(TestDocs.CanTho, 3, TestDocs.Doc(TestDocs.CanTho, "after", "Cầu Cần Thơ"));
        Reopen();
        Assert.Equal(["after", "kept"], (await Index.Find(null)).Ids().Order());
        Assert.Equal(3, await Index.GetCursorAsync(TestDocs.CanTho, CancellationToken.None));
    }
}
