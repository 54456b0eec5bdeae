using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portals.Search.Lucene;

namespace Portals.Search.Tests;

public sealed partial class LuceneSearchIndexContractTests : SearchIndexContractTests
{
    private readonly TempFolder _folder = new();

    protected override ISearchIndex OpenIndex() => new LuceneSearchIndex(Options);

    /// <summary>Maps as usual, except that a document with id "bad" carries a term over Lucene's limit, so IndexWriter itself fails mid-batch.</summary>
    private LuceneSearchIndexOptions Options => new(_folder.Path)
    {
        ToLucene = d =>
        {
            var doc = DocumentMapper.ToLucene(d);
            if (d.ContentItemId == "bad")
            {
                doc.Add(new StringField("immense", new string('x', 40_000), Field.Store.NO));
            }
            return doc;
        },
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }

    [Fact]
    public void Constructor_FolderAlreadyOpen_ThrowsInUse()
    {
        _ = Index;

        Assert.Throws<SearchIndexInUseException>(() => new LuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path)).Dispose());
    }

    [Fact]
    public async Task AddSearchModule_ServiceProvider_ResolvesOneDisposableLuceneIndexAtTheConfiguredPath()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Portals:Search:IndexPath", _folder.Path)]).Build();
        var services = new ServiceCollection().AddSearchModule(configuration);
        await using (var provider = services.BuildServiceProvider())
        {
            var port = provider.GetRequiredService<ISearchIndex>();
            // The engine, wrapped by the search module's metrics and spans.
            Assert.IsType<Portals.Search.Telemetry.InstrumentedSearchIndex>(port);
            await port.Put(TestDocs.CanTho, 4, TestDocs.Doc(TestDocs.CanTho, "a", "Một"));
        }

        // The container disposed the index, releasing the folder's lock.
        Assert.Equal(4, await Index.GetCursorAsync(TestDocs.CanTho, CancellationToken.None));
    }

    [Theory]
    [InlineData("Portals:Search:RamBufferSizeMb", "0")]
    [InlineData("Portals:Search:IndexPath", " ")]
    [InlineData("Portals:Search:ResultCacheEntries", "-1")]
    [InlineData("Portals:Search:ResultCacheEntries", "100001")]
    public void AddSearchModule_InvalidOptions_FailValidation(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        using var provider = new ServiceCollection().AddSearchModule(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SearchOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
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

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Index.Put(TestDocs.CanTho, 2,
            TestDocs.Doc(TestDocs.CanTho, "lost", "Chợ nổi Cái Răng"), TestDocs.Doc(TestDocs.CanTho, "bad", "Quá dài")));

        Assert.Equal(["kept"], (await Index.Find(null)).Ids());
        Assert.Equal(1, await Index.GetCursorAsync(TestDocs.CanTho, CancellationToken.None));
        await Index.Put(TestDocs.CanTho, 3, TestDocs.Doc(TestDocs.CanTho, "after", "Cầu Cần Thơ"));
        Reopen();
        Assert.Equal(["after", "kept"], (await Index.Find(null)).Ids().Order());
        Assert.Equal(3, await Index.GetCursorAsync(TestDocs.CanTho, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_MoreSetAsideThanRecorded_KeepsTheFirstThousand()
    {
        var many = Enumerable.Range(0, SearchIndexStatus.MaxSetAsideRecorded + 5).Select(i => new SetAsideDocument($"id{i:D5}", new string('r', 1000))).ToArray();

        await Index.SetAside(TestDocs.CanTho, 1, many);

        var recorded = (await Index.GetStatusAsync(TestDocs.CanTho, CancellationToken.None)).SetAside;
        Assert.Equal(SearchIndexStatus.MaxSetAsideRecorded, recorded.Count);
        Assert.All(recorded, r => Assert.Equal(SearchIndexStatus.MaxReasonLength, r.Reason.Length));
    }
}
