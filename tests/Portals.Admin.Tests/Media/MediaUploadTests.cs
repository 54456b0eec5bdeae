using System.Net;
using Portals.Core.Audit;

namespace Portals.Admin.Tests.Media;

/// <summary>
/// Uploads through the admin (as the picker sends them): accepted files are stored under a slugged name and audited;
/// an oversized file, content that does not match its type, and a path in the name are refused with a clear
/// Vietnamese message, and nothing is stored or audited.
/// </summary>
public sealed class MediaUploadTests(MediaFactory factory) : IClassFixture<MediaFactory>
{
    [Fact]
    public async Task A_pdf_with_a_vietnamese_name_is_stored_slugged_served_and_audited()
    {
        using var client = await SignedInAsync("haugiang");
        using var response = await MediaUpload.PostAsync(client, "Kế hoạch Quốc lộ 61C (2021-2025).pdf", MediaSamples.Pdf(2000));

        var stored = await MediaUpload.StoredAsync(response);
        Assert.Equal("ke-hoach-quoc-lo-61c-2021-2025.pdf", stored.GetProperty("path").GetString());
        Assert.Equal("/haugiang/media/ke-hoach-quoc-lo-61c-2021-2025.pdf", stored.GetProperty("url").GetString());
        Assert.Equal("PDF", stored.GetProperty("type").GetString());
        Assert.Equal("/haugiang/media/ke-hoach-quoc-lo-61c-2021-2025.pdf", response.Headers.Location?.ToString());
        Assert.Contains("Media/ke-hoach-quoc-lo-61c-2021-2025.pdf", factory.StoredFiles("haugiang"));

        var audit = Assert.Single(await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.MediaUploaded),
            a => a.Subject == "media:ke-hoach-quoc-lo-61c-2021-2025.pdf");
        Assert.Equal("admin", audit.UserName);
        Assert.StartsWith("PDF, 2000 B", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_name_twice_keeps_both_files()
    {
        using var client = await SignedInAsync("haugiang");
        using var first = await MediaUpload.PostAsync(client, "Ảnh kênh Xà No.png", MediaSamples.Png());
        using var second = await MediaUpload.PostAsync(client, "Ảnh kênh Xà No.png", MediaSamples.Png());

        Assert.Equal("anh-kenh-xa-no.png", (await MediaUpload.StoredAsync(first)).GetProperty("path").GetString());
        Assert.Equal("anh-kenh-xa-no-2.png", (await MediaUpload.StoredAsync(second)).GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("Thông báo.docx", "docx")]
    [InlineData("anh.jpeg", "jpeg")]
    [InlineData("anh.webp", "webp")]
    public async Task Each_accepted_type_is_stored(string name, string sample)
    {
        using var client = await SignedInAsync("cantho");
        var bytes = sample switch { "docx" => MediaSamples.Docx(), "jpeg" => MediaSamples.Jpeg(), _ => MediaSamples.Webp() };
        using var response = await MediaUpload.PostAsync(client, name, bytes, folder: "");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_with_its_limit_and_nothing_is_stored()
    {
        using var client = await SignedInAsync("cantho");
        var before = await AuditCountAsync("cantho");
        var filesBefore = factory.StoredFiles("cantho");
        using var response = await MediaUpload.PostAsync(client, "Báo cáo tổng kết.pdf", MediaSamples.Pdf(MediaFactory.MaxDocumentBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Tệp 'Báo cáo tổng kết.pdf' vượt quá giới hạn 0.1 MB của tệp PDF.", await MediaUpload.DetailAsync(response));
        await AssertNothingStoredAsync("cantho", filesBefore, before);
    }

    [Fact]
    public async Task An_image_over_the_image_limit_is_refused_although_documents_may_be_larger()
    {
        using var client = await SignedInAsync("cantho");
        var png = MediaSamples.Png().Concat(new byte[MediaFactory.MaxImageBytes]).ToArray();
        using var response = await MediaUpload.PostAsync(client, "anh-lon.png", png);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("của tệp PNG", await MediaUpload.DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quyết định.pdf", "exe", "Nội dung tệp 'Quyết định.pdf' không phải là tệp PDF hợp lệ, dù tên tệp có đuôi .pdf. Tệp không được nhận.")]
    [InlineData("anh.png", "html", "Nội dung tệp 'anh.png' không phải là tệp PNG hợp lệ, dù tên tệp có đuôi .png. Tệp không được nhận.")]
    [InlineData("bang-tinh.docx", "zip", "Nội dung tệp 'bang-tinh.docx' không phải là tệp DOCX hợp lệ, dù tên tệp có đuôi .docx. Tệp không được nhận.")]
    [InlineData("anh.jpg", "png", "Nội dung tệp 'anh.jpg' không phải là tệp JPEG hợp lệ, dù tên tệp có đuôi .jpg. Tệp không được nhận.")]
    [InlineData("setup.exe", "exe", "Tệp 'setup.exe' không thuộc loại được nhận. Chỉ nhận tài liệu PDF, DOCX và ảnh JPEG, PNG, WebP.")]
    [InlineData("trang.html", "html", "Tệp 'trang.html' không thuộc loại được nhận. Chỉ nhận tài liệu PDF, DOCX và ảnh JPEG, PNG, WebP.")]
    public async Task Content_that_does_not_match_its_type_is_refused_and_nothing_is_stored(string name, string sample, string message)
    {
        using var client = await SignedInAsync("haugiang");
        var before = await AuditCountAsync("haugiang");
        var filesBefore = factory.StoredFiles("haugiang");
        var bytes = sample switch { "exe" => MediaSamples.Exe(), "html" => MediaSamples.Html(), "zip" => MediaSamples.OtherZip(), _ => MediaSamples.Png() };
        using var response = await MediaUpload.PostAsync(client, name, bytes);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(message, await MediaUpload.DetailAsync(response));
        Assert.Equal(filesBefore, factory.StoredFiles("haugiang"));
        Assert.Equal(before, await AuditCountAsync("haugiang"));
    }

    [Theory]
    [InlineData("../../../Keys/ke-hoach.pdf")]
    [InlineData("..\\..\\portals.pdf")]
    [InlineData("/etc/ke-hoach.pdf")]
    [InlineData("..%2F..%2Fke-hoach.pdf")]
    public async Task A_file_name_holding_a_path_is_refused_and_nothing_is_written_anywhere(string name)
    {
        using var client = await SignedInAsync("cantho");
        var before = await AuditCountAsync("cantho");
        var filesBefore = factory.StoredFiles("cantho");
        var dataRoot = factory.DataPath;
        var everywhereBefore = Directory.EnumerateFiles(dataRoot, "*.pdf", SearchOption.AllDirectories).ToList();
        using var response = await MediaUpload.PostAsync(client, name, MediaSamples.Pdf());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await MediaUpload.DetailAsync(response);
        Assert.StartsWith($"Tên tệp '{name}' chứa đường dẫn hoặc ký tự không hợp lệ", detail, StringComparison.Ordinal);
        Assert.Equal(everywhereBefore, Directory.EnumerateFiles(dataRoot, "*.pdf", SearchOption.AllDirectories).ToList());
        await AssertNothingStoredAsync("cantho", filesBefore, before);
    }

    [Fact]
    public async Task An_upload_into_a_missing_or_malformed_folder_is_refused()
    {
        using var client = await SignedInAsync("haugiang");
        using var missing = await MediaUpload.PostAsync(client, "a.pdf", MediaSamples.Pdf(), folder: "khong-co");
        using var climbing = await MediaUpload.PostAsync(client, "a.pdf", MediaSamples.Pdf(), folder: "../cantho");

        Assert.Equal("Không tìm thấy thư mục 'khong-co'.", await MediaUpload.DetailAsync(missing));
        Assert.Equal(HttpStatusCode.BadRequest, climbing.StatusCode);
        Assert.DoesNotContain(factory.StoredFiles("haugiang"), f => f.EndsWith("/a.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        using var client = await SignedInAsync("cantho");
        var filesBefore = factory.StoredFiles("cantho");
        using var response = await MediaUpload.PostAsync(client, "khong-token.pdf", MediaSamples.Pdf(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(filesBefore, factory.StoredFiles("cantho"));
    }

    [Fact]
    public async Task Without_script_the_form_post_stores_the_file_and_returns_to_the_library()
    {
        using var client = await SignedInAsync("haugiang");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.TokenAsync("media")), "__RequestVerificationToken" },
            { new ByteArrayContent(MediaSamples.Pdf()), "file", "Tờ trình.pdf" },
        };
        using var response = await client.Http.PostAsync(client.Url("media/upload?folder="), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/haugiang/admin/media?uploaded=to-trinh.pdf", response.Headers.Location?.ToString());
        using var library = await client.GetAsync("media?folder=&uploaded=to-trinh.pdf");
        Assert.Contains("Đã tải lên tệp to-trinh.pdf.", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<AdminClient> SignedInAsync(string tenant)
    {
        var client = new AdminClient(factory, tenant);
        await client.SignInAsAdminAsync();
        return client;
    }

    private async Task<int> AuditCountAsync(string tenant) => (await AdminTestData.AuditAsync(factory, tenant, AuditActions.MediaUploaded)).Count;

    private async Task AssertNothingStoredAsync(string tenant, IReadOnlyList<string> filesBefore, int auditBefore)
    {
        Assert.Equal(filesBefore, factory.StoredFiles(tenant));
        Assert.Equal(auditBefore, await AuditCountAsync(tenant));
    }
}
