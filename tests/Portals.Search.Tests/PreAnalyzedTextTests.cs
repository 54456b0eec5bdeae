using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Portals.Search.Lucene;

namespace Portals.Search.Tests;

/// <summary>Indexing tokenizes once and replays the views: they must be exactly what the analyzers would index.</summary>
public sealed class PreAnalyzedTextTests
{
    public static TheoryData<string> Texts { get; } = new()
    {
        "", "Đường Nguyễn Văn Cừ (Ninh Kiều, Cần Thơ) thông xe.", "công nghệ thông tin, chuyển đổi số 2026",
        "BÃO SỐ 5 đổ bộ; báo chí đưa tin", "khóm Cầu Đúc".Normalize(NormalizationForm.FormD).Normalize(NormalizationForm.FormC),
        "中文 搜索 مرحبا 🌧️ bão e-mail a.b@c.vn 3,5%", new string('a', 300) + " sau " + new string('đ', 20), "một",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void FoldedAndExact_EqualsTheAnalyzer(string text)
    {
        Assert.Equal(Replay(VietnameseAnalyzers.FoldedAndExact.GetTokenStream("f", text)),
            Replay(new PreAnalyzedText(text).FoldedAndExact()));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void FoldedBigrams_EqualTheAnalyzerTerms(string text)
    {
        Assert.Equal(Replay(VietnameseAnalyzers.Bigram.GetTokenStream("f", text)).Select(t => t.Term),
            Replay(new PreAnalyzedText(text).FoldedBigrams()).Select(t => t.Term));
    }

    private static List<(string Term, int Increment)> Replay(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var tokens = new List<(string, int)>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), increment.PositionIncrement));
            }

            stream.End();
            return tokens;
        }
    }
}
