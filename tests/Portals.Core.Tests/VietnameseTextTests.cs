using System.Text;
using Portals.Core.Content;

namespace Portals.Core.Tests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đường nối Vị Thanh – Cần Thơ", "duong-noi-vi-thanh-can-tho")]
    [InlineData("Đầu tư giai đoạn 2 đường nối Vị Thanh - Cần Thơ (Quốc lộ 61C)", "dau-tu-giai-doan-2-duong-noi-vi-thanh-can-tho-quoc-lo-61c")]
    [InlineData("Kênh Xáng Xà No", "kenh-xang-xa-no")]
    [InlineData("ĐỒNG BẰNG SÔNG CỬU LONG", "dong-bang-song-cuu-long")]
    [InlineData("  Hậu   Giang!!  ", "hau-giang")]
    [InlineData("Sản phẩm OCOP – “đặc sản” 2025", "san-pham-ocop-dac-san-2025")]
    [InlineData("Ưu đãi đầu tư, thủ tục; hỗ trợ", "uu-dai-dau-tu-thu-tuc-ho-tro")]
    [InlineData("", "")]
    [InlineData("–––", "")]
    public void Slugify_VietnameseTitle_FoldsToAsciiSlug(string title, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(title));

    [Fact]
    public void Slugify_DecomposedInput_SameAsComposed()
    {
        var composed = "Cần Thơ đẹp";
        Assert.Equal(VietnameseText.Slugify(composed), VietnameseText.Slugify(composed.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Slugify_LongTitle_CutsAtLimitWithoutTrailingDash()
    {
        var slug = VietnameseText.Slugify(string.Concat(Enumerable.Repeat("Đường Cần Thơ ", 40)), maxLength: 30);
        Assert.True(slug.Length <= 30);
        Assert.False(slug.EndsWith('-'));
    }

    [Theory]
    [InlineData("Đầu Tư", "dau tu")]
    [InlineData("đ Đ", "d d")]
    [InlineData("bão báo bào", "bao bao bao")]
    public void Fold_Diacritics_RemovedAndLowercased(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));
}
