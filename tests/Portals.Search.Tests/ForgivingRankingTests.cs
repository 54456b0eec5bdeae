namespace Portals.Search.Tests;

/// <summary>Extra and unknown words, typos and the <c>Relaxed</c> flag, in the style of <see cref="VietnameseRankingTests"/>.</summary>
public sealed partial class ForgivingRankingTests(ForgivingCorpus corpus) : IClassFixture<ForgivingCorpus>
{
    private Task<SearchResults> Find(string text, string? tenant = null) => corpus.Index.Find(text, tenant, pageSize: 50);

    [Theory]
    [InlineData("kenh xang xa no bao hiem")]
    [InlineData("Kênh Xáng Xà No bảo hiểm")]
    public async Task SearchAsync_ExtraWords_AllWordsFirstThenMostWords(string text)
    {
        var results = await Find(text);

        // The news item holds all six words; the canal project holds four of them and follows, never hidden.
        Assert.Equal(["canal-news", "canal"], results.Ids());
        Assert.True(results.Relaxed);
        Assert.Empty(results.UnmatchedWords);
    }

    [Fact]
    public async Task SearchAsync_EveryHitHoldsEveryWord_NotRelaxed()
    {
        var results = await Find("kenh xang xa no");

        Assert.Equal(["canal", "canal-news"], results.Ids().Order());
        Assert.False(results.Relaxed);
        Assert.Empty(results.UnmatchedWords);
    }

    [Fact]
    public async Task SearchAsync_UnknownWord_IsLeftOutAndReported()
    {
        var results = await Find("Kênh Xáng Xà No Zzqxw");

        Assert.Equal(["canal", "canal-news"], results.Ids().Order());
        Assert.True(results.Relaxed);
        Assert.Equal(["Zzqxw"], results.UnmatchedWords);
    }

    [Fact]
    public async Task SearchAsync_OnlyUnknownWords_FindsNothingAndReportsThem()
    {
        var results = await Find("zzqxw qqvvz");

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Items);
        Assert.Equal(["zzqxw", "qqvvz"], results.UnmatchedWords);
        Assert.True(results.Relaxed);
    }

    [Fact]
    public async Task SearchAsync_RelaxedMatchesWithTenant_NeverCrossTenants()
    {
        var results = await Find("kenh xang xa no bao hiem", TestDocs.HauGiang);

        Assert.Equal(["canal"], results.Ids());
        Assert.True(results.Relaxed);
    }

    [Fact]
    public async Task SearchAsync_TwoKnownWordsNeverTogether_FindsNothing()
    {
        // "Most" of two words is both; each is indexed, in different documents.
        Assert.Equal(1, (await Find("kênh")).Items.Count(h => h.ContentItemId == "canal"));
        Assert.Equal(0, (await Find("kênh logistics")).Total);
    }

    [Theory]
    [InlineData("chuonh trinh hop tac")]
    [InlineData("chươnh trình hợp tác")]
    [InlineData("CHUONH")]
    public async Task SearchAsync_OneTypoInAWordOfFiveLetters_FindsTheWordMeant(string text)
    {
        var results = await Find(text);

        Assert.Equal("program", results.Ids()[0]);
        Assert.True(results.Relaxed);
        Assert.Empty(results.UnmatchedWords);
    }

    [Theory]
    [InlineData("logisitcs")] // two letters swapped: one edit
    [InlineData("lojistiks")] // two letters replaced: two edits, allowed from eight letters
    public async Task SearchAsync_LongWordTypos_FindTheWordMeant(string text)
    {
        Assert.Equal(["logistics"], (await Find(text)).Ids());
    }

    [Theory]
    [InlineData("chuomh")] // two edits in six letters
    [InlineData("kenx")] // one edit, but only four letters
    [InlineData("61D")] // a code: "61C" is not a near spelling
    [InlineData("62c")]
    public async Task SearchAsync_TypoNotTolerated_MatchesNothing(string text)
    {
        var results = await Find(text);

        Assert.Equal(0, results.Total);
        Assert.Equal([text], results.UnmatchedWords);
    }

    [Fact]
    public async Task SearchAsync_CodeWithOtherWords_CodeLeftOutNeverApproximated()
    {
        var results = await Find("quốc lộ 61D");

        Assert.Equal(["road"], results.Ids());
        Assert.Equal(["61D"], results.UnmatchedWords);
        Assert.True(results.Relaxed);
        Assert.Equal(["road"], (await Find("Quốc lộ 61C")).Ids());
        Assert.False((await Find("Quốc lộ 61C")).Relaxed);
    }
}
