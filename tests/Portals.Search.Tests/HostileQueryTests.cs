using System.Text.RegularExpressions;
using Lucene.Net.Search;
using Portals.Search.Lucene;

namespace Portals.Search.Tests;

public sealed partial class HostileQueryTests(VietnameseCorpus corpus) : IClassFixture<VietnameseCorpus>
{
    public static TheoryData<string> NastyStrings { get; } = new()
    {
        "\"", "\"bão", "bão\"", "\"\"\"", "(", ")", "(bão", "[", "]", "{", "}", "[bão TO báo]", "{* TO *}",
        "AND", "OR", "NOT", "AND OR NOT", "bão AND", "OR bão", "NOT bão", "bão && báo || !đường",
        "*", "?", "~", "\\", "*:*", "bão*", "*bão", "b?o", "bão~", "bão~0.5", "\"bão số\"~10", "bão^100", "title:bão",
        "/bão/", "/.*/", "\\\\\\", "\\\"", "+-&&||!(){}[]^\"~*?:\\/", "-", "+", "--", "' OR 1=1 --", "%00", "<script>alert(1)</script>",
        "\0", "\u0001\u0002\u0003", "\u001F", "\u007F", "\t\r\n", "\uD800", "\uDC00bão", "bão\uD83D", "\u0300\u0301\u0303",
        "🌧️ bão", "مرحبا", "中文 搜索", "\u200B\u200Bbão\u200B", "\uFEFFbão", "ｂａｏ",
        new string('a', 10_000), new string('*', 10_000), new string('"', 10_000), new string('(', 10_000),
        string.Join(' ', Enumerable.Repeat("cần thơ", 5_000)), string.Join(' ', Enumerable.Range(0, 3_000).Select(i => $"w{i}")),
        string.Concat(Enumerable.Repeat("\u0065\u0302\u0301", 3_000)), new string('đ', 10_000),
    };

    [Theory]
    [MemberData(nameof(NastyStrings))]
    public async Task SearchAsync_NastyText_ReturnsValidResults(string text)
    {
        foreach (var (tenant, type, sector) in new[] { ((string?)null, (string?)null, (string?)null), ("cantho", "News", "thời tiết") })
        {
            var results = await corpus.Index.Find(text, tenant, type, sector, pageSize: 50);

            Assert.InRange(results.Total, 0, 100);
            Assert.Equal(results.Total, results.Items.Count);
            Assert.All(results.UnmatchedWords, word => Assert.False(string.IsNullOrWhiteSpace(word)));
            Assert.All(results.Items, hit => Assert.Matches(OnlyMarkTags(), hit.Snippet));
        }
    }

    [Theory]
    [InlineData("NOT bão", 1)] // "not" matches nothing, so it is left out; it never negates
    [InlineData("-bão", 1)]
    [InlineData("+bão", 1)]
    [InlineData("bão*", 1)]
    [InlineData("bão~", 1)]
    [InlineData("bão^100", 1)] // the words "bão" and "100"; "100" matches nothing and is left out
    [InlineData("bão OR đường", 0)]
    [InlineData("*:*", 0)]
    public async Task SearchAsync_QuerySyntax_IsTakenAsPlainWords(string text, int expectedWithExactBao)
    {
        var results = await corpus.Index.Find(text, type: "News", sector: "thời tiết");

        Assert.Equal(expectedWithExactBao, results.Total);
    }

    [Fact]
    public void Build_HugeTextOfUnknownWords_CapsWordsAndMatchesNothing()
    {
        var text = QueryText.Parse(string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"từ{i}")))!;

        var match = corpus.Index.Read(searcher => TextQueryBuilder.Build(text, searcher, PlaceNames.None));

        Assert.Equal(QueryText.MaxTokens, text.Words.Count);
        Assert.Equal(QueryText.MaxTokens, match.Unmatched.Count);
        Assert.True(match.Dropped);
        Assert.Empty(((BooleanQuery)match.Strict).Clauses);
    }

    [Fact]
    public void Build_HugeTextOfKnownWords_OneClausePerDistinctWordAndBoundedPairs()
    {
        var text = QueryText.Parse(string.Join(' ', Enumerable.Repeat("cần thơ hậu giang", 2_000)))!;

        var match = corpus.Index.Read(searcher => TextQueryBuilder.Build(text, searcher, PlaceNames.None));

        var clauses = ((BooleanQuery)match.Strict).Clauses;
        Assert.Equal(4, clauses.Count(c => c.Occur == Occur.MUST));
        Assert.InRange(clauses.Count(c => c.Occur == Occur.SHOULD), 1, TextQueryBuilder.MaxPairs);
        Assert.Equal(["can", "giang", "hau", "tho"], match.FoldedTerms.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void Parse_BlankText_ReturnsNull(string? text)
    {
        Assert.Null(QueryText.Parse(text));
    }

    [GeneratedRegex("^([^<>]|<mark>|</mark>)*$")]
    private static partial Regex OnlyMarkTags();
}
