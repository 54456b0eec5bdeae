using System.Diagnostics;
using Microsoft.Playwright;
using Portals.Testing;

namespace Portals.Browser.Tests.Admin;

/// <summary>Steps the content workspace's browser tests share: signing in, filling the generated editor, polling the public side.</summary>
internal static class ContentBrowser
{
    public static async Task<IPage> SignedInAsync(BrowserPortals portals, string tenant = "haugiang", string user = "admin",
        string password = PortalsFactory.AdminPassword, Viewport viewport = Viewport.Desktop)
    {
        var page = await portals.NewPageAsync(viewport);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync($"/{tenant}/admin/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("#admin-nav")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>Types into a rich-text field's editor (Quill), as a user does.</summary>
    public static async Task TypeRichTextAsync(IPage page, string fieldId, string text)
    {
        var editor = page.Locator($"[data-rich-text='{fieldId}'] .ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Fills every widget of a new investment call (title, path, rich text twice, text, select, number, date, sector, media path).</summary>
    public static async Task FillInvestmentCallAsync(IPage page, string title, string areaHa = "120.5")
    {
        await page.Locator("#f-TitlePart-Title").FillAsync(title);
        await page.Locator("#f-AutoroutePart-Path").FillAsync("");
        await TypeRichTextAsync(page, "f-HtmlBodyPart-Html", "Kêu gọi đầu tư hạ tầng giao thông dọc kênh Xà No.");
        await page.Locator("#f-InvestmentCall-Summary").FillAsync("Dự án kêu gọi đầu tư dọc tuyến kênh Xà No.");
        await page.Locator("input[name='InvestmentCall.Sector'][value='sector-giao-thong']").CheckAsync();
        await page.Locator("#f-InvestmentCall-Location").FillAsync("Vị Thanh, Hậu Giang");
        await page.Locator("#f-InvestmentCall-AreaHa").FillAsync(areaHa);
        await page.Locator("#f-InvestmentCall-TotalCapitalBillionVnd").FillAsync("850");
        await page.Locator("#f-InvestmentCall-InvestmentForm").FillAsync("PPP");
        await TypeRichTextAsync(page, "f-InvestmentCall-Incentives", "Miễn tiền thuê đất trong 11 năm đầu.");
        await page.Locator("#f-InvestmentCall-ContactAgency").FillAsync("Sở Kế hoạch và Đầu tư tỉnh Hậu Giang");
        await page.Locator("#f-InvestmentCall-Deadline").FillAsync("31/12/2030");
        await page.Locator("#f-InvestmentCall-Status").SelectOptionAsync("dang-keu-goi");
        var pdf = Path.Combine(Path.GetTempPath(), $"portals-{Guid.NewGuid():N}", "Kênh Xà No.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await MediaPickerDriver.AttachAsync(page, "InvestmentCall.Documents", pdf);
    }

    /// <summary>Clicks a workflow button of the editor and waits for the page it leads to.</summary>
    public static async Task SubmitAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The item id of the editor's current URL (…/content/edit/{type}/{id}).</summary>
    public static string ItemId(IPage page) => new Uri(page.Url).AbsolutePath.Split('/')[^1];

    /// <summary>Polls a public URL until its body satisfies <paramref name="done"/>; the index follows the change log, so it converges shortly.</summary>
    public static async Task PollAsync(BrowserPortals portals, string path, Func<int, string, bool> done, TimeSpan? deadline = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(portals.BaseUrl + "/") };
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < (deadline ?? TimeSpan.FromMinutes(1)))
        {
            using var response = await http.GetAsync(path);
            last = await response.Content.ReadAsStringAsync();
            if (done((int)response.StatusCode, last))
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{path} did not reach the expected state in time; last answer: {last[..Math.Min(300, last.Length)]}");
    }
}
