using Microsoft.Playwright;
using Portals.Core.Content;
using Portals.Core.Security;
using Portals.Testing;

namespace Portals.Browser.Tests.Admin;

/// <summary>
/// The editors' content work in a real browser: the generated editor with every widget of an investment call,
/// validation, publish and unpublish seen through the JSON API and the shared search, scheduling, history and
/// restore, an Author's limits, tenant isolation and a two-tab conflict. One server and browser for the class.
/// </summary>
public sealed class ContentWorkflowBrowserTests(BrowserPortals portals) : IClassFixture<BrowserPortals>
{
    [Fact]
    public async Task An_editor_creates_an_investment_call_with_every_widget_publishes_it_and_unpublishes_it()
    {
        var page = await ContentBrowser.SignedInAsync(portals);
        await page.GotoAsync("/haugiang/admin/content/InvestmentCall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm Dự án kêu gọi đầu tư" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Thêm Dự án kêu gọi đầu tư" })).ClickAsync();
        await ContentBrowser.FillInvestmentCallAsync(page, "Kêu gọi đầu tư cảng tổng hợp Xà No", areaHa: "-5");

        await ContentBrowser.SubmitAsync(page, "Xuất bản ngay");

        var area = page.Locator("[data-field='InvestmentCall.AreaHa']");
        await Expect(area.Locator(".field-error")).ToContainTextAsync("phải lớn hơn hoặc bằng 0");
        await Expect(page.Locator("#f-InvestmentCall-AreaHa")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f-TitlePart-Title")).ToHaveValueAsync("Kêu gọi đầu tư cảng tổng hợp Xà No");
        await Expect(page.Locator("#f-InvestmentCall-Location")).ToHaveValueAsync("Vị Thanh, Hậu Giang");
        await Expect(page.Locator("[data-rich-text='f-InvestmentCall-Incentives'] .ql-editor")).ToContainTextAsync("Miễn tiền thuê đất");
        await Expect(page.Locator("input[name='InvestmentCall.Sector'][value='sector-giao-thong']")).ToBeCheckedAsync();
        await Artifacts.ScreenshotAsync(page, "content-edit-validation-desktop");

        await page.Locator("#f-InvestmentCall-AreaHa").FillAsync("120.5");
        await ContentBrowser.SubmitAsync(page, "Xuất bản ngay");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã xuất bản" })).ToBeVisibleAsync();
        var id = ContentBrowser.ItemId(page);
        await Expect(page.Locator(".editor-status [data-status]")).ToHaveAttributeAsync("data-status", "Published");

        await ContentBrowser.PollAsync(portals, $"haugiang/api/content/{id}", (status, body) => status == 200 && body.Contains("Miễn tiền thuê đất", StringComparison.Ordinal));
        await ContentBrowser.PollAsync(portals, "api/search?q=cang%20tong%20hop%20xa%20no&tenant=haugiang", (_, body) => body.Contains(id, StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Ngừng xuất bản" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã ngừng xuất bản" })).ToBeVisibleAsync();
        await ContentBrowser.PollAsync(portals, $"haugiang/api/content/{id}", (status, _) => status == 404);
        await ContentBrowser.PollAsync(portals, "api/search?q=cang%20tong%20hop%20xa%20no&tenant=haugiang", (status, body) => status == 200 && !body.Contains(id, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_scheduled_publication_goes_live_when_due_and_an_older_version_is_restored_from_the_history()
    {
        var page = await ContentBrowser.SignedInAsync(portals);
        await page.GotoAsync("/haugiang/admin/content/edit/InvestmentCall");
        await ContentBrowser.FillInvestmentCallAsync(page, "Khu tái định cư Quốc lộ 61C – bản đầu");
        await ContentBrowser.SubmitAsync(page, "Lưu nháp");
        var id = ContentBrowser.ItemId(page);
        await page.Locator("#f-TitlePart-Title").FillAsync("Khu tái định cư Quốc lộ 61C – bản sửa");
        await ContentBrowser.TypeRichTextAsync(page, "f-HtmlBodyPart-Html", " Bổ sung quy mô 25 ha.");
        var at = DateTime.UtcNow.AddHours(7).AddMinutes(10);
        await page.Locator("#scheduleAt").FillAsync(at.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await ContentBrowser.SubmitAsync(page, "Lưu và hẹn giờ");
        await Expect(page.Locator(".editor-status [data-status]")).ToHaveAttributeAsync("data-status", "Scheduled");

        // What the scheduled-publishing service does on its tick, at a time past the schedule: no waiting on its timer.
        await using (var session = await portals.Service<IContentStore>().OpenAsync(portals.Tenant("haugiang"), default))
        {
            Assert.Equal(1, await session.PublishDueAsync(DateTime.UtcNow.AddMinutes(15), default));
            await session.CommitAsync(default);
        }
        await ContentBrowser.PollAsync(portals, $"haugiang/api/content/{id}", (status, body) => status == 200 && body.Contains("bản sửa", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch sử phiên bản" }).ClickAsync();
        var diff = page.Locator("table.diff");
        await Expect(diff.Locator("del")).ToContainTextAsync(["đầu"]);
        await Expect(diff.Locator("ins").First).ToContainTextAsync("sửa");
        await Expect(diff).ToContainTextAsync("Bổ sung quy mô 25 ha.");
        await Artifacts.ScreenshotAsync(page, "content-history-diff-desktop");
        await Artifacts.AssertAccessibleAsync(page);

        await page.Locator("tbody tr").Last.GetByRole(AriaRole.Button, new() { Name = "Khôi phục thành bản nháp" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã khôi phục" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.versions tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("table.versions tbody tr").First).ToContainTextAsync("bản đầu");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_author_cannot_publish_and_the_other_tenants_administrator_cannot_see_the_item()
    {
        await portals.Service<UserAccounts>().CreateAsync(portals.Tenant("haugiang"), "tacgia1", "Tac-gia-2025", ["Author"], default);
        var page = await ContentBrowser.SignedInAsync(portals, user: "tacgia1", password: "Tac-gia-2025");
        await page.GotoAsync("/haugiang/admin/content/edit/InvestmentCall");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản ngay" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu và hẹn giờ" })).ToHaveCountAsync(0);
        await ContentBrowser.FillInvestmentCallAsync(page, "Đề xuất của tác giả về bến xe Vị Thanh");
        await ContentBrowser.SubmitAsync(page, "Gửi duyệt");
        await Expect(page.Locator(".editor-status [data-status]")).ToHaveAttributeAsync("data-status", "InReview");
        var id = ContentBrowser.ItemId(page);
        await ContentBrowser.PollAsync(portals, $"haugiang/api/content/{id}", (status, _) => status == 404);

        var editor = await ContentBrowser.SignedInAsync(portals);
        await Expect(editor.Locator("#review-heading")).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Đề xuất của tác giả về bến xe Vị Thanh" })).ToBeVisibleAsync();

        var other = await ContentBrowser.SignedInAsync(portals, tenant: "cantho");
        var response = await other.GotoAsync($"/cantho/admin/content/edit/InvestmentCall/{id}");
        Assert.Equal(404, response!.Status);
        await other.GotoAsync("/cantho/admin/content/InvestmentCall?q=ben%20xe%20vi%20thanh");
        await Expect(other.Locator("#content-results")).ToContainTextAsync("0 mục");
        var foreign = await other.GotoAsync($"/haugiang/admin/content/edit/InvestmentCall/{id}");
        Assert.EndsWith("/haugiang/admin/login", new Uri(other.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.NotNull(foreign);
        foreach (var context in new[] { page.Context, editor.Context, other.Context })
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Two_tabs_saving_the_same_item_get_a_conflict_message_and_keep_the_typed_text()
    {
        var first = await ContentBrowser.SignedInAsync(portals);
        await first.GotoAsync("/haugiang/admin/content/edit/InvestmentCall");
        await ContentBrowser.FillInvestmentCallAsync(first, "Cụm công nghiệp Long Mỹ");
        await ContentBrowser.SubmitAsync(first, "Lưu nháp");
        var url = first.Url;
        var second = await first.Context.NewPageAsync();
        second.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await second.GotoAsync(url);

        await first.Locator("#f-TitlePart-Title").FillAsync("Cụm công nghiệp Long Mỹ – tab một");
        await ContentBrowser.SubmitAsync(first, "Lưu nháp");
        await second.Locator("#f-TitlePart-Title").FillAsync("Cụm công nghiệp Long Mỹ – tab hai");
        await ContentBrowser.SubmitAsync(second, "Lưu nháp");

        await Expect(second.Locator("#conflict")).ToContainTextAsync("đã được thay đổi trong lúc bạn sửa");
        await Expect(second.Locator("#f-TitlePart-Title")).ToHaveValueAsync("Cụm công nghiệp Long Mỹ – tab hai");
        await Artifacts.ScreenshotAsync(second, "content-conflict-desktop");
        await Artifacts.AssertAccessibleAsync(second);
        await first.ReloadAsync();
        await Expect(first.Locator("#f-TitlePart-Title")).ToHaveValueAsync("Cụm công nghiệp Long Mỹ – tab một");
        await first.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public async Task Dashboard_list_edit_and_history_render_without_serious_accessibility_violations(Viewport viewport)
    {
        var size = viewport.ToString().ToLowerInvariant();
        var page = await ContentBrowser.SignedInAsync(portals, viewport: viewport);
        foreach (var (path, name) in new[]
        {
            ("/haugiang/admin", "dashboard"), ("/haugiang/admin/content/KeyProject", "list"),
            ("/haugiang/admin/content/edit/KeyProject/hg-du-an-ql61c", "edit"), ("/haugiang/admin/content/history/hg-du-an-ql61c", "history"),
            ("/haugiang/admin/sectors", "sectors"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, $"content-{name}-{size}");
            await Artifacts.AssertAccessibleAsync(page);
        }
        await page.GotoAsync("/haugiang/admin/content/KeyProject");
        await page.Locator("#filter-q").FillAsync("quoc lo 61c");
        await Expect(page.Locator("#content-results tbody tr")).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=quoc"));
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
