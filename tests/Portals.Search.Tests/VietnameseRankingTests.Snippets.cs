namespace Portals.Search.Tests;

public sealed partial class VietnameseRankingTests
{
    private async Task<string> SnippetOf(string text, string id) =>
        (await Find(text)).Items.Single(h => h.ContentItemId == id).Snippet;

    [Theory]
    [InlineData("can tho")]
    [InlineData("Cần Thơ")]
    [InlineData("CAN THO")]
    public async Task SearchAsync_Snippet_MarksMatchesWithOrWithoutDiacritics(string text)
    {
        var snippet = await SnippetOf(text, "hau-giang-can-tho");

        Assert.Contains("<mark>Cần</mark> <mark>Thơ</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_Snippet_MarksOnlyQueryWords()
    {
        var snippet = await SnippetOf("đường", "road-1");

        Assert.Equal("Tuyến <mark>đường</mark> dài 37 km giúp rút ngắn thời gian đi lại giữa hai địa phương.", snippet);
    }

    [Fact]
    public async Task SearchAsync_Snippet_EscapesHtmlOfTheText()
    {
        var snippet = await SnippetOf("dây điện", "escape");

        Assert.Equal(
            "Không chạm vào <mark>dây</mark> <mark>điện</mark> khi trời mưa &amp; gió &lt;script&gt;alert(1)&lt;/script&gt; &quot;cẩn thận&quot;.",
            snippet);
    }

    [Fact]
    public async Task SearchAsync_SnippetOfLongBody_IsAWindowAroundTheMatches()
    {
        var snippet = await SnippetOf("cầu ngã tư", "long");

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>cầu</mark> <mark>Ngã</mark> <mark>Tư</mark>", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Length, 100, 320);
    }

    [Fact]
    public async Task SearchAsync_FilterOnly_SnippetIsSummaryStartUnmarked()
    {
        var hit = (await corpus.Index.Find(null, TestDocs.HauGiang, "Notice")).Items.Single();

        Assert.Equal("Lãnh đạo tỉnh tiếp công dân vào thứ năm hằng tuần.", hit.Snippet);
    }

    [Fact]
    public async Task SearchAsync_MatchInTitleOnly_SnippetFallsBackToSummary()
    {
        var snippet = await SnippetOf("lịch", "summary-only");

        Assert.Equal("Lãnh đạo tỉnh tiếp công dân vào thứ năm hằng tuần.", snippet);
    }

    [Fact]
    public async Task SearchAsync_Hit_CarriesStoredFields()
    {
        var hit = (await Find("bão số 5")).Items[0];

        Assert.Equal(("storm", TestDocs.CanTho, "News", "/cantho/storm"), (hit.ContentItemId, hit.Tenant, hit.ContentType, hit.Url));
        Assert.Equal(["thời tiết"], hit.Sectors);
        Assert.Equal(TestDocs.Day(1), hit.PublishedUtc);
        Assert.True(hit.Score > 0);
    }
}
