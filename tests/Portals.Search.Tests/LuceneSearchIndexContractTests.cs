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
}
