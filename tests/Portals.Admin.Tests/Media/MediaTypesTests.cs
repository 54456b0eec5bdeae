using Portals.Admin.Media;

namespace Portals.Admin.Tests.Media;

/// <summary>Content is recognised by its bytes, whatever it is called; names are slugged and paths validated.</summary>
public sealed class MediaTypesTests
{
    public static TheoryData<string, byte[], string?> Samples => new()
    {
        { "pdf", MediaSamples.Pdf(), "PDF" },
        { "png", MediaSamples.Png(), "PNG" },
        { "jpeg", MediaSamples.Jpeg(), "JPEG" },
        { "webp", MediaSamples.Webp(), "WebP" },
        { "docx", MediaSamples.Docx(), "DOCX" },
        { "docm renamed", MediaSamples.Docx(withMacros: true), null },
        { "xlsx-like zip", MediaSamples.OtherZip(), null },
        { "exe", MediaSamples.Exe(), null },
        { "html", MediaSamples.Html(), null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Detect_reads_the_content_not_the_name(string sample, byte[] bytes, string? expected)
    {
        using var stream = new MemoryStream(bytes);
        Assert.True(MediaTypes.Detect(stream)?.Label == expected, sample);
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("Kế hoạch Quốc lộ 61C.pdf", "ke-hoach-quoc-lo-61c.pdf")]
    [InlineData("ĐƯỜNG NỐI Vị Thanh – Cần Thơ.PDF", "duong-noi-vi-thanh-can-tho.pdf")]
    [InlineData("Ảnh kênh Xà No.jpeg", "anh-kenh-xa-no.jpg")]
    [InlineData("???.pdf", "tep.pdf")]
    [InlineData("báo cáo", "bao-cao.pdf")]
    public void Stored_names_are_slugs_with_the_extension_of_the_recognised_type(string original, string stored)
    {
        var type = MediaTypes.FromExtension(MediaNames.Extension(stored))!;
        Assert.Equal(stored, MediaNames.StoredName(original, type));
    }

    [Fact]
    public void Decomposed_vietnamese_names_fold_like_composed_ones()
    {
        var decomposed = "Cần Thơ.pdf".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("can-tho.pdf", MediaNames.StoredName(decomposed, MediaTypes.Pdf));
        Assert.Equal("can-tho-3.pdf", MediaNames.StoredName(decomposed, MediaTypes.Pdf, copy: 3));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\web.config.pdf")]
    [InlineData("/etc/passwd.pdf")]
    [InlineData("C:evil.pdf")]
    [InlineData("..")]
    [InlineData("%2e%2e%2fthu-muc.pdf")]
    [InlineData("tai-lieu%2Fke-hoach.pdf")]
    [InlineData("ke-hoach\u0000.pdf")]
    [InlineData("")]
    public void Names_holding_a_path_are_unsafe(string name) => Assert.True(MediaNames.IsUnsafe(name));

    [Theory]
    [InlineData("Báo cáo... tháng 6.pdf")]
    [InlineData("ke-hoach.pdf")]
    public void Ordinary_names_are_safe(string name) => Assert.False(MediaNames.IsUnsafe(name));

    [Theory]
    [InlineData("tai-lieu/ke-hoach.pdf", true)]
    [InlineData("a/b/c/ke-hoach-2.docx", true)]
    [InlineData("../ke-hoach.pdf", false)]
    [InlineData("tai-lieu/../ke-hoach.pdf", false)]
    [InlineData("tai-lieu//ke-hoach.pdf", false)]
    [InlineData("tai-lieu\\ke-hoach.pdf", false)]
    [InlineData("Tai-Lieu/ke-hoach.pdf", false)]
    [InlineData("tai lieu/ke-hoach.pdf", false)]
    [InlineData("tai-lieu/ke-hoach.pdf\n", false)]
    [InlineData("tai-lieu/%2e%2e.pdf", false)]
    [InlineData("tai-lieu.pdf/ke-hoach.pdf", false)]
    [InlineData("ke-hoach", false)]
    [InlineData("", false)]
    public void File_paths_parse_only_when_every_segment_is_a_slug(string value, bool valid) =>
        Assert.Equal(valid, MediaPath.ParseFile(value) is not null);

    [Fact]
    public void Folder_paths_have_no_extension_and_the_root_is_empty()
    {
        Assert.True(MediaPath.ParseFolder("")!.IsRoot);
        Assert.Equal("tai-lieu/2025", MediaPath.ParseFolder("/tai-lieu/2025/")!.Value);
        Assert.Null(MediaPath.ParseFolder("tai-lieu/ke-hoach.pdf"));
        Assert.Null(MediaPath.ParseFolder(string.Join('/', Enumerable.Repeat("a", MediaPath.MaxDepth + 1))));
    }
}
