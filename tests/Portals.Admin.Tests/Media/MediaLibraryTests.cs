using System.Net;
using System.Text.Json;
using Portals.Admin.Media;
using Portals.Core.Audit;

namespace Portals.Admin.Tests.Media;

/// <summary>The library pages: folders (created from Vietnamese names), the picker's JSON listing, deletes with audit, permissions.</summary>
public sealed class MediaLibraryTests(MediaFactory factory) : IClassFixture<MediaFactory>
{
    [Fact]
    public async Task A_folder_named_in_vietnamese_is_created_as_a_slug_and_listed_for_the_picker()
    {
        using var client = await SignedInAsync("haugiang", "admin");
        using var created = await client.PostAsync("media?handler=Folder&folder=", [new("name", "Tài liệu hội nghị")], tokenPage: "media");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/haugiang/admin/media?folder=tai-lieu-hoi-nghi", created.Headers.Location?.ToString());
        using var uploaded = await MediaUpload.PostAsync(client, "Chương trình.pdf", MediaSamples.Pdf(), folder: "tai-lieu-hoi-nghi");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        using var root = JsonDocument.Parse(await client.Http.GetStringAsync(client.Url("media?handler=List&folder=")));
        Assert.Contains(root.RootElement.GetProperty("folders").EnumerateArray(), f => f.GetProperty("path").GetString() == "tai-lieu-hoi-nghi");
        using var folder = JsonDocument.Parse(await client.Http.GetStringAsync(client.Url("media?handler=List&folder=tai-lieu-hoi-nghi")));
        var file = Assert.Single(folder.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("tai-lieu-hoi-nghi/chuong-trinh.pdf", file.GetProperty("path").GetString());
        Assert.Equal("/haugiang/media/tai-lieu-hoi-nghi/chuong-trinh.pdf", file.GetProperty("url").GetString());
        Assert.Equal("tai-lieu-hoi-nghi", Assert.Single(folder.RootElement.GetProperty("crumbs").EnumerateArray()).GetProperty("path").GetString());

        using var page = await client.GetAsync("media?folder=tai-lieu-hoi-nghi");
        Assert.Contains("chuong-trinh.pdf", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await client.GetAsync("media?folder=khong-co");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_folder_name_without_letters_or_one_that_exists_is_refused_next_to_the_field()
    {
        using var client = await SignedInAsync("cantho", "admin");
        using (await client.PostAsync("media?handler=Folder&folder=", [new("name", "Ảnh")], tokenPage: "media"))
        {
        }
        using var again = await client.PostAsync("media?handler=Folder&folder=", [new("name", "anh")], tokenPage: "media");
        using var empty = await client.PostAsync("media?handler=Folder&folder=", [new("name", "???")], tokenPage: "media");

        Assert.Contains("Đã có thư mục anh.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Tên thư mục &#x27;???&#x27; cần có ít nhất một chữ cái hoặc chữ số.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"???\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_file_and_an_empty_folder_is_audited_and_a_folder_with_files_is_kept()
    {
        using var client = await SignedInAsync("cantho", "admin");
        var store = factory.Service<IMediaStore>();
        var tenant = factory.Tenant("cantho");
        await store.AddFileAsync(tenant, MediaPath.ParseFile("bao-cao/so-ket.pdf")!, new MemoryStream(MediaSamples.Pdf()), default);

        using var refused = await client.PostAsync("media?handler=DeleteFolder&path=bao-cao", [], tokenPage: "media");
        Assert.Contains("Thư mục bao-cao còn tệp hoặc thư mục con. Hãy xoá chúng trước.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await store.GetFileAsync(tenant, MediaPath.ParseFile("bao-cao/so-ket.pdf")!, default));
        Assert.Empty(await AdminTestData.AuditAsync(factory, "cantho", AuditActions.MediaDeleted));

        using var deletedFile = await client.PostAsync("media?handler=DeleteFile&path=bao-cao/so-ket.pdf", [], tokenPage: "media");
        Assert.Equal("/cantho/admin/media?folder=bao-cao", deletedFile.Headers.Location?.ToString());
        using var deletedFolder = await client.PostAsync("media?handler=DeleteFolder&path=bao-cao", [], tokenPage: "media");
        Assert.Equal(HttpStatusCode.Redirect, deletedFolder.StatusCode);
        using var gone = await client.PostAsync("media?handler=DeleteFile&path=bao-cao/so-ket.pdf", [], tokenPage: "media");
        Assert.Contains("Không tìm thấy tệp &#x27;bao-cao/so-ket.pdf&#x27;", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Null(await store.ListAsync(tenant, MediaPath.ParseFolder("bao-cao")!, default));
        var audit = await AdminTestData.AuditAsync(factory, "cantho", AuditActions.MediaDeleted);
        Assert.Equal(["media:bao-cao/so-ket.pdf", "media:bao-cao/"], audit.Select(a => a.Subject));
        Assert.All(audit, a => Assert.Equal("admin", a.UserName));
    }

    [Fact]
    public async Task An_author_uploads_and_browses_but_cannot_delete()
    {
        var author = await AdminTestData.CreateUserAsync(factory, "haugiang", "Author");
        using var client = await SignedInAsync("haugiang", author, AdminTestData.Password);
        using var uploaded = await MediaUpload.PostAsync(client, "bai-viet.png", MediaSamples.Png());
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        using var page = await client.GetAsync("media");
        Assert.DoesNotContain("handler=DeleteFile", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var delete = await client.PostAsync("media?handler=DeleteFile&path=bai-viet.png", [], tokenPage: "media");

        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.EndsWith("/admin/denied", delete.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.NotNull(await factory.Service<IMediaStore>().GetFileAsync(factory.Tenant("haugiang"), MediaPath.ParseFile("bai-viet.png")!, default));
        Assert.Single(await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.MediaUploaded), a => a.UserName == author);
    }

    private async Task<AdminClient> SignedInAsync(string tenant, string user, string? password = null)
    {
        var client = new AdminClient(factory, tenant);
        using var response = await client.SignInAsync(user, password ?? Portals.Testing.PortalsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
