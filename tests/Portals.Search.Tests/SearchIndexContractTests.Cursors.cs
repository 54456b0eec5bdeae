using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

public abstract partial class SearchIndexContractTests
{
    [Fact]
    public async Task GetCursorAsync_NeverIndexed_ReturnsZero()
    {
        Assert.Equal(0, await Index.GetCursorAsync(CanTho, CancellationToken.None));
    }

    [Fact]
    public async Task GetCursorAsync_AfterApply_ReturnsCursorPerTenant()
    {
        await Index.Put(CanTho, 42, Doc(CanTho, "a", "Một"));
        await Index.Put(HauGiang, 7, Doc(HauGiang, "a", "Hai"));
        await Index.Delete(CanTho, 43, "missing");

        Assert.Equal(43, await Index.GetCursorAsync(CanTho, CancellationToken.None));
        Assert.Equal(7, await Index.GetCursorAsync(HauGiang, CancellationToken.None));
    }

    [Fact]
    public async Task GetCursorAsync_AfterReopen_ReturnsCommittedCursorAndDocuments()
    {
        await Index.Put(CanTho, 42, Doc(CanTho, "a", "Bến Ninh Kiều"));
        await Index.Put(HauGiang, 9, Doc(HauGiang, "b", "Chợ nổi Ngã Bảy"));

        Reopen();

        Assert.Equal(42, await Index.GetCursorAsync(CanTho, CancellationToken.None));
        Assert.Equal(9, await Index.GetCursorAsync(HauGiang, CancellationToken.None));
        Assert.Equal(["a"], (await Index.Find("ninh kieu")).Ids());
        Assert.Equal(2, (await Index.Find(null)).Total);
    }
}
