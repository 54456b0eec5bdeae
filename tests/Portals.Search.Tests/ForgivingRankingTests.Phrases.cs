namespace Portals.Search.Tests;

/// <summary>Phrases, adjacency, hyphenated and quoted text, and place names.</summary>
public sealed partial class ForgivingRankingTests
{
    [Theory]
    [InlineData("khu công nghiệp")]
    [InlineData("khu cong nghiep")]
    [InlineData("\"khu công nghiệp")] // an unpaired quote is punctuation
    public async Task SearchAsync_WordsInOrder_RankAboveWordsApart(string text)
    {
        Assert.Equal(["industry-adjacent", "industry-apart"], (await Find(text)).Ids());
    }

    [Theory]
    [InlineData("\"khu công nghiệp\"")]
    [InlineData("\"khu cong nghiep\"")]
    [InlineData("“Khu Công Nghiệp”")]
    [InlineData("đầu tư \"khu công nghiệp\"")]
    public async Task SearchAsync_QuotedText_RequiresTheExactSequence(string text)
    {
        var results = await Find(text);

        Assert.Equal(["industry-adjacent"], results.Ids());
        Assert.False(results.Relaxed);
    }

    [Fact]
    public async Task SearchAsync_QuotedUnknownWord_FindsNothingRatherThanDroppingIt()
    {
        var results = await Find("\"khu zzqxw\" công nghiệp");

        Assert.Equal(0, results.Total);
        Assert.Equal(["zzqxw"], results.UnmatchedWords);
        Assert.False(results.Relaxed);
    }

    [Theory]
    [InlineData("Chuyển-Đổi-Số")]
    [InlineData("chuyển/đổi/số")]
    [InlineData("CHUYỂN – ĐỔI – SỐ")]
    public async Task SearchAsync_JoinedByHyphensDashesOrSlashes_RanksLikeTheSpacedPhrase(string text)
    {
        var spaced = await Find("chuyển đổi số");
        var joined = await Find(text);

        Assert.Equal(["digital", "digital-apart"], spaced.Ids());
        Assert.Equal(spaced.Ids(), joined.Ids());
    }

    [Theory]
    [InlineData("Vị Thanh – Cần Thơ")]
    [InlineData("Vị Thanh/Cần Thơ")]
    [InlineData("vi-thanh-can-tho")]
    public async Task SearchAsync_PlacesJoinedByDashes_RankLikeSpaced(string text)
    {
        var spaced = await Find("Vị Thanh Cần Thơ");
        var joined = await Find(text);

        Assert.Equal("road", spaced.Ids()[0]);
        Assert.Equal(spaced.Ids(), joined.Ids());
    }

    [Theory]
    [InlineData("hau giang bao hiem y te")]
    [InlineData("Hậu Giang bảo hiểm y tế")]
    [InlineData("bảo hiểm y tế HẬU GIANG")]
    public async Task SearchAsync_ProvinceNamed_RanksItsTenantFirstEvenWhenTheArticleNamesOnlyADistrict(string text)
    {
        // The district's article is Hậu Giang's; the second names Hậu Giang but is Cần Thơ's; the third holds the other words only.
        Assert.Equal(["insurance-district", "insurance-mention", "insurance-city"], (await Find(text)).Ids());
    }

    [Theory]
    [InlineData("can tho bao hiem y te")]
    [InlineData("Cần Thơ bảo hiểm y tế")]
    public async Task SearchAsync_CityNamed_RanksItsTenantFirst(string text)
    {
        // Then the documents holding most words: Hậu Giang's article on health insurance before Cần Thơ's on another insurance.
        Assert.Equal(["insurance-city", "insurance-mention", "insurance-district", "canal-news"], (await Find(text)).Ids());
    }

    [Theory]
    [InlineData("Hậu Giang")]
    [InlineData("hau giang")]
    public async Task SearchAsync_OnlyAProvinceName_FindsTheNameAndPrefersItsTenant(string text)
    {
        // Named alone, the province is a pair of words to find, not every document of its tenant.
        Assert.Equal(["program", "insurance-mention"], (await Find(text)).Ids());
    }
}
