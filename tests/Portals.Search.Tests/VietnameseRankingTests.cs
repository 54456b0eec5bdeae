using System.Text;

namespace Portals.Search.Tests;

public sealed partial class VietnameseRankingTests(VietnameseCorpus corpus) : IClassFixture<VietnameseCorpus>
{
    private Task<SearchResults> Find(string text, string? tenant = null) => corpus.Index.Find(text, tenant, pageSize: 50);

    [Theory]
    [InlineData("can tho", "newspaper")]
    [InlineData("dau tu", "invest-title")]
    [InlineData("duong noi vi thanh", "road-1")]
    [InlineData("bao so 5", "storm")]
    public async Task SearchAsync_TextWithoutDiacritics_FindsTextWithThem(string text, string expectedFirstOrOnly)
    {
        var ids = (await Find(text)).Ids();

        Assert.NotEmpty(ids);
        Assert.Equal(expectedFirstOrOnly, ids[0]);
    }

    [Fact]
    public async Task SearchAsync_FoldedQuery_FindsEveryDiacriticVariant()
    {
        var ids = (await Find("duong")).Ids();

        Assert.Equal(["person", "road-1", "road-2"], ids.Order());
    }

    [Fact]
    public async Task SearchAsync_Duong_RanksRoadsAboveThePersonNamedDuong()
    {
        var ids = (await Find("đường")).Ids();

        Assert.Equal(["road-1", "road-2"], ids.Take(2).Order());
        Assert.Equal("person", ids[2]);
    }

    [Fact]
    public async Task SearchAsync_Bao_RanksStormAboveNewspaper()
    {
        var ids = (await Find("bão")).Ids();

        Assert.Equal("storm", ids[0]);
        Assert.Contains("newspaper", ids);
    }

    [Fact]
    public async Task SearchAsync_BaoWithOtherTone_RanksNewspaperAboveStorm()
    {
        var ids = (await Find("báo", TestDocs.CanTho)).Ids();

        Assert.Equal("newspaper", ids[0]);
        Assert.True(ids.IndexOf("newspaper") < ids.IndexOf("storm"));
    }

    [Theory]
    [InlineData("công nghệ thông tin")]
    [InlineData("cong nghe thong tin")]
    public async Task SearchAsync_Phrase_RanksAdjacentSyllablesAboveScattered(string text)
    {
        var ids = (await Find(text)).Ids();

        Assert.Equal(["it-adjacent", "it-apart"], ids.Take(2));
    }

    [Theory]
    [InlineData("đầu tư", "invest")]
    [InlineData("dau tu", "invest")]
    [InlineData("mía", "sugar")]
    [InlineData("MIA", "sugar")]
    public async Task SearchAsync_TitleMatch_RanksAboveBodyMatchEvenWhenBodyRepeatsIt(string text, string pair)
    {
        var ids = (await Find(text)).Ids();

        Assert.Equal([pair + "-title", pair + "-body"], ids.Take(2));
    }

    [Theory]
    [InlineData("Hậu Giang")]
    [InlineData("HẬU GIANG")]
    [InlineData("  Hậu   Giang ")]
    [InlineData("hau giang")]
    [InlineData("Hậu-Giang!")]
    public async Task SearchAsync_CaseSpacingPunctuation_DoNotMatter(string text)
    {
        var ids = (await Find(text)).Ids();

        Assert.Equal("hau-giang", ids[0]);
    }

    [Theory]
    [InlineData("Vị Thanh - Cần Thơ")]
    [InlineData("vị thanh, cần thơ")]
    [InlineData("VỊ THANH – CẦN THƠ")]
    public async Task SearchAsync_PunctuationInQuery_IsIgnored(string text)
    {
        Assert.Equal("road-1", (await Find(text)).Ids()[0]);
    }

    [Fact]
    public async Task SearchAsync_DecomposedQuery_MatchesComposedText()
    {
        var composed = await Find("Cần Thơ");
        var decomposed = await Find("Cần Thơ".Normalize(NormalizationForm.FormD));

        Assert.NotEmpty(composed.Items);
        Assert.Equal(composed.Ids(), decomposed.Ids());
    }

    [Theory]
    [InlineData("khóm Cầu Đúc")]
    [InlineData("khom cau duc")]
    public async Task SearchAsync_DecomposedDocument_IsFoundAndStoredComposed(string text)
    {
        var hit = (await Find(text)).Items[0];

        Assert.Equal("nfd", hit.ContentItemId);
        Assert.Equal("Lễ hội khóm Cầu Đúc", hit.Title);
        Assert.True(hit.Title.IsNormalized(NormalizationForm.FormC));
    }
}
