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
