using System.Text;
using Portals.Search.Lucene;
using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary>
/// Over 20,000 documents, where a word held by one of them is rare enough to be a possible typo, and where more
/// documents hold the words apart than the first pass used to rescore (<see cref="IndexSearch.RescoreWindow"/>).
/// </summary>
public sealed class LargeCorpus : IAsyncLifetime, IDisposable
{
    public const int Scattered = 300;
    public const int Programmes = 12;

    private readonly TempFolder _folder = new();

    public LuceneSearchIndex Index { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Index = new LuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path) { Places = Places });
        var filler = Enumerable.Range(0, 20_000).Select(i => Doc(HauGiang, $"filler{i:D5}", $"Lịch làm việc tuần {i}", "Nội dung xem tại trụ sở."));
        var scattered = Enumerable.Range(0, Scattered).Select(i => Doc(CanTho, $"apart{i:D3}", $"Hội nghị nông nghiệp {i}",
            "Công nghệ mới, công nghệ sạch, công nghệ xanh; thông tin thị trường, thông tin giá cả, thông tin thời tiết."));
        var programmes = Enumerable.Range(0, Programmes).Select(i => Doc(HauGiang, $"chuong{i:D2}", $"Kế hoạch tháng {i + 1}",
            "Triển khai chương trình công tác của tỉnh."));
        await Index.Put(HauGiang, 1, [.. filler, .. programmes,
            Doc(HauGiang, "typo", "Lịch họp chuonh trình mới", "Văn bản gõ sai chính tả vẫn được lưu như vậy.")]);
        await Index.Put(CanTho, 1, [.. scattered, Doc(CanTho, "adjacent", "Báo cáo tổng kết năm", AdjacentBody())]);
    }

    /// <summary>A long body holding the phrase once, so word frequencies alone rank it below every scattered document.</summary>
    private static string AdjacentBody()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            sb.Append("Các đơn vị hoàn thành nhiệm vụ được giao trong năm. ");
        }

        return sb.Append("Ngành công nghệ thông tin phát triển nhanh.").ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}

public sealed class LargeRankingTests(LargeCorpus corpus) : IClassFixture<LargeCorpus>
{
    [Theory]
    [InlineData("công nghệ thông tin")]
    [InlineData("cong nghe thong tin")]
    [InlineData("Công-Nghệ-Thông-Tin")]
    public async Task SearchAsync_AdjacentWords_RankFirstOverTheWholeResultSet(string text)
    {
        var results = await corpus.Index.Find(text, pageSize: 10);

        Assert.Equal(LargeCorpus.Scattered + 1, results.Total);
        Assert.Equal("adjacent", results.Ids()[0]);
    }

    [Fact]
    public async Task SearchAsync_RareWordAsTyped_RanksAboveItsNearSpellings()
    {
        var results = await corpus.Index.Find("chuonh", pageSize: 50);

        Assert.Equal(1 + LargeCorpus.Programmes, results.Total);
        Assert.Equal("typo", results.Ids()[0]);
        Assert.All(results.Ids().Skip(1), id => Assert.StartsWith("chuong", id, StringComparison.Ordinal));
        Assert.True(results.Relaxed);
        Assert.Contains("<mark>chương</mark>", results.Items[1].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_CommonWord_IsNotTakenForATypo()
    {
        // "chuong" is held by 12 documents, too many to be a typo: its near spelling "chuonh" is not looked for.
        var results = await corpus.Index.Find("chuong", pageSize: 50);

        Assert.Equal(LargeCorpus.Programmes, results.Total);
        Assert.DoesNotContain("typo", results.Ids());
        Assert.False(results.Relaxed);
    }
}
