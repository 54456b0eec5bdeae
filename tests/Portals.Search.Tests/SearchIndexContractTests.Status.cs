using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary>Status, ids, set-aside documents, and input the index cannot hold whole.</summary>
public abstract partial class SearchIndexContractTests
{
    [Fact]
    public async Task GetStatusAsync_AfterBatches_CountsLiveDocumentsAndCursorPerTenant()
    {
        await Index.Put(CanTho, 4, Doc(CanTho, "a", "Một"), Doc(CanTho, "b", "Hai"), Doc(CanTho, "c", "Ba"));
        await Index.Put(HauGiang, 2, Doc(HauGiang, "a", "Bốn"));
        await Index.Delete(CanTho, 5, "b");

        var status = await Index.GetStatusAsync(CanTho, CancellationToken.None);

        Assert.Equal(new SearchIndexStatus(CanTho, 5, 2, []), status with { SetAside = [] });
        Assert.Empty(status.SetAside);
        Assert.Equal(1, (await Index.GetStatusAsync(HauGiang, CancellationToken.None)).Documents);
        Assert.Equal(0, (await Index.GetStatusAsync("other", CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task ListIdsAsync_Tenant_ItsLiveIdsInOrdinalOrder()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "b", "Hai"), Doc(CanTho, "a", "Một"), Doc(CanTho, "C", "Ba"), Doc(CanTho, "d", "Bốn"));
        await Index.Put(HauGiang, 1, Doc(HauGiang, "x", "Năm"));
        await Index.Delete(CanTho, 2, "d");

        Assert.Equal(["C", "a", "b"], await Index.ListIdsAsync(CanTho, CancellationToken.None));
        Assert.Equal(["x"], await Index.ListIdsAsync(HauGiang, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_SetAside_RemovesIndexedVersionAndKeepsReasonAcrossReopen()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Bến Ninh Kiều"), Doc(CanTho, "b", "Cầu Cần Thơ"));

        await Index.SetAside(CanTho, 2, new SetAsideDocument("a", "too large"));
        Reopen();

        Assert.Equal(["b"], (await Index.Find(null)).Ids());
        Assert.Equal(0, (await Index.Find("ninh kiều")).Total);
        var status = await Index.GetStatusAsync(CanTho, CancellationToken.None);
        Assert.Equal((2L, 1L), (status.Cursor, status.Documents));
        Assert.Equal([new SetAsideDocument("a", "too large")], status.SetAside);
        Assert.Empty((await Index.GetStatusAsync(HauGiang, CancellationToken.None)).SetAside);
    }

    [Fact]
    public async Task ApplyAsync_LaterUpsertOrDeleteOfSetAsideId_ClearsIt()
    {
        await Index.SetAside(CanTho, 1, new("a", "one"), new("b", "two"), new("c", "three"));

        await Index.Put(CanTho, 2, Doc(CanTho, "a", "Chợ nổi"));
        await Index.Delete(CanTho, 3, "b");

        Assert.Equal([new SetAsideDocument("c", "three")], (await Index.GetStatusAsync(CanTho, CancellationToken.None)).SetAside);
        Assert.Equal(["a"], (await Index.Find(null)).Ids());
    }

    [Fact]
    public async Task ApplyAsync_UpsertedAndSetAsideInOneBatch_EndsSetAside()
    {
        await Index.ApplyAsync(new SearchBatch(CanTho, 1) { Upserts = [Doc(CanTho, "a", "Một")], SetAside = [new("a", "why")] }, CancellationToken.None);

        Assert.Equal(0, (await Index.Find(null)).Total);
        Assert.Equal([new SetAsideDocument("a", "why")], (await Index.GetStatusAsync(CanTho, CancellationToken.None)).SetAside);
    }

    [Fact]
    public async Task ApplyAsync_IdOverTheKeyLimit_ThrowsArgumentExceptionAndChangesNothing()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "kept", "Một"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Index.Put(CanTho, 2, Doc(CanTho, "fine", "Hai"), Doc(CanTho, new string('x', 40_000), "Ba")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Index.Put(CanTho, 2, Doc(CanTho, "typed", "Bốn", type: new string('t', 40_000))));

        Assert.Equal(["kept"], (await Index.Find(null)).Ids());
        Assert.Equal(1, await Index.GetCursorAsync(CanTho, CancellationToken.None));
    }

    /// <summary>The input: one 40,000-character sector id made Lucene refuse the whole batch (DocValuesField "sector" is too large).</summary>
    [Fact]
    public async Task ApplyAsync_SectorOf40000Characters_IndexesTheDocumentWithoutThatValue()
    {
        var immense = Doc(CanTho, "long-sector", "Tin có lĩnh vực quá dài", sectors: [new string('x', 40_000), "giao thông"]);

        await Index.Put(CanTho, 7, Doc(CanTho, "good", "Chợ nổi Cái Răng"), immense);

        Assert.Equal(["good", "long-sector"], (await Index.Find(null)).Ids().Order());
        Assert.Equal(["giao thông"], Assert.Single((await Index.Find("quá dài")).Items).Sectors);
        Assert.Equal(7, await Index.GetCursorAsync(CanTho, CancellationToken.None));
        Assert.Equal(["giao thông"], (await Index.Find(null)).Facets[FacetNames.Sector].Keys);
    }
}
