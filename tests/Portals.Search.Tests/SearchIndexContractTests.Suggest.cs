using System.Text;
using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary><see cref="ISearchIndex.SuggestAsync"/>: what a search box shows while typing.</summary>
public abstract partial class SearchIndexContractTests
{
    private Task<SearchSuggestions> Suggest(string? text, string? tenant = null) =>
        Index.SuggestAsync(new SuggestQuery(text, tenant), CancellationToken.None);

    private static List<string> Ids(SearchSuggestions suggestions) => suggestions.Titles.Select(t => t.ContentItemId).ToList();

    private async Task PutCanalTitles()
    {
        await Index.Put(CanTho, 1,
            Doc(CanTho, "a", "Kênh Xáng Xà No nối hai địa phương"),
            Doc(CanTho, "b", "Cải tạo, khai thông tuyến đường thủy Kênh Xáng Xà No"),
            Doc(CanTho, "c", "Kế hoạch nạo vét kênh"),
            Doc(CanTho, "d", "Kênh Xà Mách"));
    }

    [Theory]
    [InlineData("kenh x")]
    [InlineData("Kênh X")]
    [InlineData("KÊNH   x")]
    [InlineData("kênh-x")]
    public async Task SuggestAsync_Typed_TitlesStartingWithItFirstThenTitlesWithAWordStartingWithIt(string text)
    {
        await PutCanalTitles();

        Assert.Equal(["d", "a", "b"], Ids(await Suggest(text)));
        Assert.Equal(["d", "a", "b"], Ids(await Suggest(text.Normalize(NormalizationForm.FormD))));
    }

    [Fact]
    public async Task SuggestAsync_WordInsideTitles_MatchesAtAnyWordStart()
    {
        await PutCanalTitles();

        Assert.Equal(["b", "a"], Ids(await Suggest("xà no")));
        Assert.Equal(["c"], Ids(await Suggest("nạo v")));
        Assert.Empty((await Suggest("ang xa")).Titles); // inside a word, not at its start
    }

    [Fact]
    public async Task SuggestAsync_Hit_CarriesStoredFields()
    {
        await Index.Put(HauGiang, 1, Doc(HauGiang, "q", "Đường nối Vị Thanh - Cần Thơ", type: "KeyProject"));

        var title = Assert.Single((await Suggest("duong noi")).Titles);

        Assert.Equal(new TitleSuggestion("q", HauGiang, "KeyProject", "Đường nối Vị Thanh - Cần Thơ", "/haugiang/q"), title);
    }

    [Fact]
    public async Task SuggestAsync_TenantGiven_NeverSuggestsTheOtherTenantsItems()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "c1", "Du lịch sông nước"));
        await Index.Put(HauGiang, 1, Doc(HauGiang, "h1", "Du lịch sông nước"));

        Assert.Equal(["c1"], Ids(await Suggest("du lich", CanTho)));
        Assert.Equal(["h1"], Ids(await Suggest("du lich", HauGiang)));
        Assert.Equal(["c1", "h1"], Ids(await Suggest("du lich")).Order());
        Assert.Empty((await Suggest("du lich", "vinhlong")).Titles);
    }

    [Fact]
    public async Task SuggestAsync_DeletedOrRetitledItems_AreNoLongerSuggested()
    {
        await Index.Put(CanTho, 1, Doc(CanTho, "a", "Chợ nổi Cái Răng"), Doc(CanTho, "b", "Chợ đêm Ninh Kiều"));
        await Index.Put(CanTho, 2, Doc(CanTho, "a", "Bến Ninh Kiều"));
        await Index.Delete(CanTho, 3, "b");

        Assert.Empty((await Suggest("chợ")).Titles);
        Assert.Equal(["a"], Ids(await Suggest("ben")));
    }

    [Fact]
    public async Task SuggestAsync_ManyMatches_AtMostEightInOrder()
    {
        await Index.Put(CanTho, 1, Enumerable.Range(0, 12).Select(i => Doc(CanTho, $"t{i:D2}", $"Thông báo số {i:D2}")).Reverse().ToArray());

        var ids = Ids(await Suggest("thong bao"));

        Assert.Equal(Enumerable.Range(0, SearchSuggestions.MaxTitles).Select(i => $"t{i:D2}"), ids);
    }

    [Fact]
    public async Task SuggestAsync_SectorNames_StartOrWordStartOnceForBothTenants()
    {
        var names = new Dictionary<string, string> { ["sector-giao-thong"] = "Giao thông vận tải", ["sector-y-te"] = "Y tế" };
        await Index.Put(CanTho, 1, Doc(CanTho, "c", "Cầu Cần Thơ", sectors: ["sector-giao-thong"]) with { SectorNames = names });
        await Index.Put(HauGiang, 1, Doc(HauGiang, "h", "Bến xe Vị Thanh", sectors: ["sector-giao-thong", "sector-y-te"]) with { SectorNames = names });

        var expected = new SectorSuggestion("sector-giao-thong", "Giao thông vận tải");
        Assert.Equal([expected], (await Suggest("giao")).Sectors);
        Assert.Equal([expected], (await Suggest("vận t")).Sectors);
        Assert.Equal([new SectorSuggestion("sector-y-te", "Y tế")], (await Suggest("y", HauGiang)).Sectors);
        Assert.Empty((await Suggest("y", CanTho)).Sectors);
    }

    [Fact]
    public async Task SuggestAsync_SectorOnlyOnDeletedItems_IsNoLongerSuggested()
    {
        var names = new Dictionary<string, string> { ["sector-y-te"] = "Y tế" };
        await Index.Put(CanTho, 1, Doc(CanTho, "c", "Trạm y tế", sectors: ["sector-y-te"]) with { SectorNames = names });
        Assert.Single((await Suggest("y te")).Sectors);

        await Index.Delete(CanTho, 2, "c");

        Assert.Empty((await Suggest("y te")).Sectors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("***")]
    [InlineData("\u0000")]
    public async Task SuggestAsync_NoWordTyped_SuggestsNothing(string? text)
    {
        await PutCanalTitles();

        var suggestions = await Suggest(text);

        Assert.Empty(suggestions.Titles);
        Assert.Empty(suggestions.Sectors);
    }

    [Theory]
    [InlineData("kenh\u0000x")]
    [InlineData("(kenh) x*")]
    [InlineData("\"kênh x")]
    [InlineData("kenh x\uD800")]
    public async Task SuggestAsync_HostileText_IsPlainWords(string text)
    {
        await PutCanalTitles();

        Assert.Equal(["d", "a", "b"], Ids(await Suggest(text)));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('*')]
    [InlineData('đ')]
    public async Task SuggestAsync_TenThousandCharacters_ReturnsAtMostEight(char c)
    {
        await PutCanalTitles();

        var suggestions = await Suggest(new string(c, 10_000));

        Assert.InRange(suggestions.Titles.Count, 0, SearchSuggestions.MaxTitles);
        Assert.Empty(suggestions.Titles);
    }
}
