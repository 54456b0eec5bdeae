using Portals.Admin.Content;

namespace Portals.Admin.Tests;

/// <summary>The word-level diff of the history page.</summary>
public sealed class VersionDiffTests
{
    [Fact]
    public void Changed_words_are_marked_and_the_texts_come_back_whole()
    {
        const string before = "Đầu tư giai đoạn 2 đường nối Vị Thanh - Cần Thơ.";
        const string after = "Đầu tư giai đoạn 3 đường nối Vị Thanh - Cần Thơ (Quốc lộ 61C).";

        var (old, @new) = VersionDiff.Words(before, after);

        Assert.Equal(before, string.Concat(old.Select(s => s.Text)));
        Assert.Equal(after, string.Concat(@new.Select(s => s.Text)));
        Assert.Equal(["2"], old.Where(s => s.Changed).Select(s => s.Text.Trim()));
        Assert.Contains(@new, s => s.Changed && s.Text.Contains("Quốc lộ 61C", StringComparison.Ordinal));
        Assert.DoesNotContain(@new, s => s.Changed && s.Text.Contains("Vị Thanh", StringComparison.Ordinal));
    }

    [Fact]
    public void Rich_text_is_compared_as_readable_paragraphs()
    {
        Assert.Equal("Kênh Xà No\n• nạo vét\n• kè bờ", FieldDisplay.PlainText("<h2>Kênh <em>Xà No</em></h2><ul><li>nạo vét</li><li>kè&nbsp;bờ</li></ul>"));
    }
}
