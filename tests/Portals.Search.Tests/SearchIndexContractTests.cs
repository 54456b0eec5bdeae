using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary>The behaviour every <see cref="ISearchIndex"/> must have. A subclass supplies storage that survives reopening.</summary>
public abstract partial class SearchIndexContractTests : IDisposable
{
    private ISearchIndex? _index;

    /// <summary>Opens the index over this test's storage; a second call after disposing the first reopens the same data.</summary>
    protected abstract ISearchIndex OpenIndex();

    protected ISearchIndex Index => _index ??= OpenIndex();

    protected void Reopen()
    {
        (_index as IDisposable)?.Dispose();
        _index = OpenIndex();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_index as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task ApplyAsync_UpsertSameId_ReplacesDocument()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Lễ hội bánh dân gian"));
        await Index.Put(CanTho, 2, Doc(CanTho, "a", "Chợ nổi Cái Răng"));

        var all = await Index.Find(null);
        Assert.Equal(1, all.Total);
        Assert.Equal("Chợ nổi Cái Răng", Assert.Single(all.Items).Title);
        Assert.Equal(0, (await Index.Find("bánh")).Total);
    }

    [Fact]
    public async Task ApplyAsync_SameIdTwiceInOneBatch_LastWins()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Bản nháp"), Doc(CanTho, "a", "Bản cuối"));

        Assert.Equal("Bản cuối", Assert.Single((await Index.Find(null)).Items).Title);
    }

    [Fact]
    public async Task ApplyAsync_Delete_RemovesDocument()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Chợ nổi Cái Răng"), Doc(CanTho, "b", "Bến Ninh Kiều"));
        await Index.Delete(CanTho, 2, "a");

        Assert.Equal(["b"], (await Index.Find(null)).Ids());
        Assert.Equal(0, (await Index.Find("Cái Răng")).Total);
    }

    [Fact]
    public async Task SearchAsync_SameSearchBeforeAndAfterWrites_SeesEveryWrite()
    {
        // An engine may keep results (the Lucene index does, per reader): the same search right after a write must
        // still find what the write changed, whether it added, replaced or deleted.
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Chợ nổi Cái Răng"));
        Assert.Equal(["a"], (await Index.Find("Cái Răng")).Ids());
        Assert.Equal(["a"], (await Index.Find("Cái Răng")).Ids());

        await Index.Put(CanTho, 2, Doc(CanTho, "b", "Cái Răng về đêm"));
        Assert.Equal(2, (await Index.Find("Cái Răng")).Total);

        await Index.Put(CanTho, 3, Doc(CanTho, "b", "Bến Ninh Kiều"));
        Assert.Equal(["a"], (await Index.Find("Cái Răng")).Ids());

        await Index.Delete(CanTho, 4, "a");
        Assert.Equal(0, (await Index.Find("Cái Răng")).Total);
    }

    [Fact]
    public async Task ApplyAsync_SameIdInTwoTenants_KeepsBoth()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "x", "Tin Cần Thơ"));
        await Index.Put(HauGiang, 1, Doc(HauGiang, "x", "Tin Hậu Giang"));
        await Index.Delete(CanTho, 2, "x");

        var hit = Assert.Single((await Index.Find(null)).Items);
        Assert.Equal(HauGiang, hit.Tenant);
    }

    [Fact]
    public async Task ApplyAsync_UpsertAndDeleteInOneBatch_EndsDeleted()
    {
        await Index.ApplyAsync(new SearchBatch(CanTho, 5) { Upserts = [Doc(CanTho, "a", "Chợ nổi")], Deletes = ["a"] }, CancellationToken.None);

        Assert.Equal(0, (await Index.Find(null)).Total);
        Assert.Equal(5, await Index.GetCursorAsync(CanTho, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_DocumentOfOtherTenant_ThrowsAndChangesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Index.Put(CanTho, 3, Doc(HauGiang, "a", "Sai tenant")));

        Assert.Equal(0, (await Index.Find(null)).Total);
        Assert.Equal(0, await Index.GetCursorAsync(CanTho, CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_TenantFilter_IsExact()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "c1", "Du lịch sông nước"));
        await Index.Put(HauGiang, 1, Doc(HauGiang, "h1", "Du lịch sông nước"));
        await Index.Put("cantho2", 1, Doc("cantho2", "x1", "Du lịch sông nước"));

        Assert.Equal(["c1"], (await Index.Find("du lịch", CanTho)).Ids());
        Assert.Equal(["h1"], (await Index.Find(null, HauGiang)).Ids());
        Assert.Equal(0, (await Index.Find(null, "CANTHO")).Total);
        Assert.Equal(0, (await Index.Find(null, "can")).Total);
    }

    [Fact]
    public async Task SearchAsync_ContentTypeAndSectorFilters_AreExact()
    {
        await Index.Put(CanTho, 1,
            Doc(CanTho, "n1", "Giá lúa tăng", type: "News", sectors: ["nông nghiệp", "kinh tế"]),
            Doc(CanTho, "n2", "Giá lúa giảm", type: "NewsArticle", sectors: ["nông nghiệp"]),
            Doc(CanTho, "e1", "Giá lúa ổn định", type: "Event", sectors: ["kinh tế"]),
            Doc(CanTho, "e2", "Giá lúa cao", type: "Event", sectors: ["Kinh tế"]));

        Assert.Equal(["n1"], (await Index.Find("giá lúa", type: "News")).Ids());
        Assert.Equal(0, (await Index.Find(null, type: "news")).Total);
        Assert.Equal(["e1", "n1"], (await Index.Find(null, sector: "kinh tế")).Ids().Order());
        Assert.Equal(["n1", "n2"], (await Index.Find("lúa", sector: "nông nghiệp")).Ids().Order());
        Assert.Equal(["e1"], (await Index.Find("lúa", CanTho, "Event", "kinh tế")).Ids());
        Assert.Equal(0, (await Index.Find(null, sector: "nông")).Total);
    }

    [Fact]
    public async Task SearchAsync_SectorFilterInOtherUnicodeForm_StillMatches()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Giá lúa", sectors: ["Nông nghiệp".Normalize(System.Text.NormalizationForm.FormD)]));

        var results = await Index.Find(null, sector: "Nông nghiệp");

        Assert.Equal(["Nông nghiệp"], Assert.Single(results.Items).Sectors);
        Assert.Equal(1, results.Facets[FacetNames.Sector]["Nông nghiệp"]);
    }

    [Fact]
    public async Task ApplyAsync_CancelledToken_ThrowsAndChangesNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Index.ApplyAsync(new SearchBatch(CanTho, 9) { Upserts = [Doc(CanTho, "a", "Một")] }, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Index.SearchAsync(new SearchQuery("một", null, null, null), cts.Token));

        Assert.Equal(0, (await Index.Find(null)).Total);
        Assert.Equal(0, await Index.GetCursorAsync(CanTho, CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_Paging_ReturnsDisjointPagesAndFullTotal()
    {
        var docs = Enumerable.Range(0, 23).Select(i => Doc(CanTho, $"d{i:00}", $"Thông báo số {i}", published: Day(i))).ToArray();
        await Index.Put(CanTho, 1, docs);

        var pages = new List<SearchResults>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await Index.Find("thông báo", page: page, pageSize: 10));
        }

        Assert.All(pages, p => Assert.Equal(23, p.Total));
        Assert.Equal([10, 10, 3], pages.Select(p => p.Items.Count));
        Assert.Equal(23, pages.SelectMany(p => p.Ids()).Distinct().Count());
        Assert.Empty((await Index.Find("thông báo", page: 4, pageSize: 10)).Items);
        Assert.Equal((2, 10), (pages[1].Page, pages[1].PageSize));
    }

    [Fact]
    public async Task SearchAsync_EmptyText_ListsNewestFirstUndatedLast()
    {
        await Index.Put(CanTho, 1,
            Doc(CanTho, "old", "Cũ", published: Day(1)),
            Doc(CanTho, "undated", "Không ngày") with { PublishedUtc = null },
            Doc(CanTho, "new", "Mới", published: Day(30)),
            Doc(CanTho, "mid", "Giữa", published: Day(10)));

        foreach (var blank in new[] { null, "", "   ", "\t\n" })
        {
            Assert.Equal(["new", "mid", "old", "undated"], (await Index.Find(blank, CanTho)).Ids());
        }

        var first = (await Index.Find(null)).Items[0];
        Assert.Equal(Day(30), first.PublishedUtc);
    }
}
