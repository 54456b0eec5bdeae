using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portals.Admin.Media;
using Portals.Testing;

namespace Portals.Browser.Tests.Admin;

/// <summary>
/// The media library, the MediaField picker and the API-client page in Chromium: uploads with a progress bar, the
/// picker attaching a PDF, a client's secret shown once; screenshots at both sizes and axe-core on each screen.
/// </summary>
public sealed partial class MediaBrowserTests(BrowserPortals portals) : IClassFixture<BrowserPortals>, IDisposable
{
    private readonly string _files = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "portals-browser-media", Guid.NewGuid().ToString("n"))).FullName;

    [Fact]
    public async Task A_pdf_uploaded_in_the_library_shows_its_progress_and_then_the_file()
    {
        var page = await SignedInAsync("haugiang");
        await page.GotoAsync("/haugiang/admin/media");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thư viện tệp", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Chọn tệp (PDF, DOCX, JPEG, PNG, WebP)").SetInputFilesAsync(Pdf("Kế hoạch hợp tác 2021-2025.pdf", 200_000));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();

        var progress = page.Locator("form[data-media-upload] progress");
        await Expect(progress).ToBeVisibleAsync();
        await Expect(progress).ToHaveJSPropertyAsync("value", 100);
        await Expect(page.Locator("form[data-media-upload] [data-media-status]")).ToHaveTextAsync("Đã tải lên ke-hoach-hop-tac-2021-2025.pdf.");
        var link = page.Locator("#media-listing").GetByRole(AriaRole.Link, new() { Name = "ke-hoach-hop-tac-2021-2025.pdf" });
        await Expect(link).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "admin-media-uploaded-desktop");

        var served = await page.Context.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, served.Status);
        Assert.Equal("application/pdf", served.Headers["content-type"]);
        Assert.Equal("nosniff", served.Headers["x-content-type-options"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_picker_attaches_an_uploaded_pdf_and_a_file_chosen_from_the_library()
    {
        await portals.Service<IMediaStore>().AddFileAsync(portals.Tenant("cantho"), MediaPath.ParseFile("tai-lieu/quy-che.pdf")!,
            new MemoryStream(PdfBytes(500)), default);
        var page = await SignedInAsync("cantho");
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };
        // A MediaField as the generated editors render it, served inside a real admin page (the password form).
        await page.RouteAsync("**/cantho/admin/password", async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            var end = html.LastIndexOf("</form>", StringComparison.Ordinal);
            html = html.Insert(end, """<label for="Documents">Tài liệu đính kèm</label><input type="text" id="Documents" name="Documents" data-media-picker data-media-multiple="true">""");
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        await page.GotoAsync("/cantho/admin/password");

        var path = await MediaPickerDriver.AttachAsync(page, "Documents", Pdf("Quyết định phê duyệt.pdf", 1000));
        Assert.Equal("quyet-dinh-phe-duyet.pdf", path);

        var dialog = await MediaPickerDriver.OpenAsync(page, "Documents");
        await Expect(dialog.Locator("button.media-item[data-path='quyet-dinh-phe-duyet.pdf']")).ToHaveAttributeAsync("aria-pressed", "true");
        await dialog.Locator("button.media-item.folder", new() { HasText = "tai-lieu/" }).ClickAsync();
        await dialog.Locator("button.media-item", new() { HasText = "quy-che.pdf" }).ClickAsync();
        await Artifacts.ScreenshotAsync(page, "admin-media-picker-desktop");
        await Artifacts.AssertAccessibleAsync(page);
        await dialog.Locator("[data-media-done]").ClickAsync();

        await Expect(MediaPickerDriver.Field(page, "Documents")).ToHaveValueAsync("quyet-dinh-phe-duyet.pdf, tai-lieu/quy-che.pdf");
        await Expect(page.Locator(".media-chosen a")).ToHaveTextAsync(["quyet-dinh-phe-duyet.pdf", "quy-che.pdf"]);
        Assert.Empty(cspViolations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_creates_an_api_client_and_sees_its_secret_once()
    {
        var page = await SignedInAsync("haugiang");
        await page.Locator("#admin-nav").GetByRole(AriaRole.Link, new() { Name = "Ứng dụng API" }).ClickAsync();
        await page.GetByLabel("Mã ứng dụng").FillAsync("cong-tinh-hau-giang");
        await page.GetByLabel("Tên hiển thị").FillAsync("Cổng thông tin tỉnh (đồng bộ)");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Editor" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo ứng dụng" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đã tạo ứng dụng cong-tinh-hau-giang" })).ToBeVisibleAsync();
        var secret = await page.GetByLabel("Mã bí mật").InputValueAsync();
        Assert.Matches(SecretPattern(), secret);
        await Expect(page.Locator("tbody tr", new() { HasText = "cong-tinh-hau-giang" })).ToContainTextAsync("Đang hoạt động");
        await Artifacts.ScreenshotAsync(page, "admin-apiclients-secret-desktop");
        await Artifacts.AssertAccessibleAsync(page);

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Mã bí mật")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public async Task The_media_and_api_client_screens_render_and_have_no_serious_accessibility_violation(Viewport viewport)
    {
        var tenant = portals.Tenant("haugiang");
        var store = portals.Service<IMediaStore>();
        await store.CreateFolderAsync(tenant, MediaPath.ParseFolder("hinh-anh")!, default);
        await store.AddFileAsync(tenant, MediaPath.ParseFile($"bao-cao-{viewport.ToString().ToLowerInvariant()}.pdf")!, new MemoryStream(PdfBytes(100)), default);
        var size = viewport.ToString().ToLowerInvariant();
        var page = await SignedInAsync("haugiang", viewport);
        foreach (var screen in new[] { "media", "apiclients" })
        {
            await page.GotoAsync("/haugiang/admin/" + screen);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                $"{screen} is wider than the {size} screen.");
            await Artifacts.ScreenshotAsync(page, $"admin-{screen}-{size}");
            await Artifacts.AssertAccessibleAsync(page);
        }
        await page.Context.CloseAsync();
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);

    private async Task<IPage> SignedInAsync(string tenant, Viewport viewport = Viewport.Desktop)
    {
        var page = await portals.NewPageAsync(viewport);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync($"/{tenant}/admin/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(PortalsFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan", Exact = true })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A PDF file of about <paramref name="size"/> bytes under the given (Vietnamese) name.</summary>
    private string Pdf(string name, int size)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllBytes(path, PdfBytes(size));
        return path;
    }

    private static byte[] PdfBytes(int size) =>
        System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%" + new string('x', size) + "\n%%EOF\n");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex SecretPattern();
}
