using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

public abstract partial class SearchIndexContractTests
{
    [Fact]
    public async Task SearchAsync_Facets_ExcludeDeletedDocuments()
    {
        await Index.Put(CanTho, 1,
            Doc(CanTho, "a", "Lúa gạo", type: "News", sectors: ["nông nghiệp"]),
            Doc(CanTho, "b", "Lúa giống", type: "News", sectors: ["nông nghiệp", "khoa học"]),
            Doc(CanTho, "c", "Lúa mùa", type: "Event", sectors: ["du lịch"]));
        await Index.Delete(CanTho, 2, "b");

        var facets = (await Index.Find("lúa")).Facets;

        Assert.Equal(new Dictionary<string, long> { ["cantho"] = 2 }, facets[FacetNames.Tenant]);
        Assert.Equal(new Dictionary<string, long> { ["News"] = 1, ["Event"] = 1 }, facets[FacetNames.ContentType]);
        Assert.Equal(new Dictionary<string, long> { ["nông nghiệp"] = 1, ["du lịch"] = 1 }, facets[FacetNames.Sector]);
    }

    [Fact]
    public async Task SearchAsync_Facets_CountEachDimensionWithTheOtherFilters()
    {
        await Index.Put(CanTho, 1,
            Doc(CanTho, "c1", "Lúa gạo", type: "News", sectors: ["nông nghiệp"]),
            Doc(CanTho, "c2", "Lúa giống", type: "Event", sectors: ["nông nghiệp"]),
            Doc(CanTho, "c3", "Cá tra", type: "News", sectors: ["thủy sản"]));
        await Index.Put(HauGiang, 1,
            Doc(HauGiang, "h1", "Lúa sạch", type: "News", sectors: ["nông nghiệp", "môi trường"]),
            Doc(HauGiang, "h2", "Khóm Cầu Đúc", type: "News", sectors: ["nông nghiệp"]));

        var results = await Index.Find("lúa", CanTho, "News");

        Assert.Equal(["c1"], results.Ids());
        // Tenant counts apply type=News only; type counts apply tenant=cantho only; sectors apply both.
        Assert.Equal(new Dictionary<string, long> { ["cantho"] = 1, ["haugiang"] = 1 }, results.Facets[FacetNames.Tenant]);
        Assert.Equal(new Dictionary<string, long> { ["News"] = 1, ["Event"] = 1 }, results.Facets[FacetNames.ContentType]);
        Assert.Equal(new Dictionary<string, long> { ["nông nghiệp"] = 1 }, results.Facets[FacetNames.Sector]);
    }

    [Fact]
    public async Task SearchAsync_FacetsWithoutText_CountWholeIndex()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Một", sectors: ["y tế", "giáo dục"]), Doc(CanTho, "b", "Hai", sectors: ["y tế"]));

        var sectors = (await Index.Find(null)).Facets[FacetNames.Sector];

        Assert.Equal(["y tế", "giáo dục"], sectors.Keys);
        Assert.Equal([2L, 1L], sectors.Values);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(1, 0)]
    [InlineData(1, -5)]
    [InlineData(1, 51)]
    [InlineData(int.MaxValue, 50)]
    public async Task SearchAsync_BadPaging_ThrowsArgumentOutOfRange(int page, int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Index.Find("lúa", page: page, pageSize: pageSize));
    }

    [Theory]
    [InlineData("\"lúa", 1)]
    [InlineData("lúa*", 1)]
    [InlineData("lúa\")]}", 1)]
    [InlineData("(lúa AND NOT gạo) OR *", 1)] // "and", "not", "or" match nothing and are left out; NOT never negates
    [InlineData("*:*", 0)]
    [InlineData("\u0000\u0001\uD800", 0)]
    public async Task SearchAsync_HostileText_IsPlainWords(string text, int expected)
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Lúa gạo"));

        var results = await Index.Find(text, CanTho, "Article");

        Assert.Equal(expected, results.Total);
    }

    [Fact]
    public async Task SearchAsync_DuringConcurrentWrites_SeesWholeBatchesOnly()
    {
        var index = Index; // open before the tasks race to open it lazily
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await index.Put(CanTho, i + 1, Doc(CanTho, $"a{i}", "Tin nhanh"), Doc(CanTho, $"b{i}", "Tin nhanh"));
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!writer.IsCompleted)
            {
                var results = await index.Find("tin nhanh");
                Assert.Equal(0, results.Total % 2);
            }
        }));

        await Task.WhenAll(readers.Append(writer));
        Assert.Equal(40, (await Index.Find("tin nhanh")).Total);
    }
}
