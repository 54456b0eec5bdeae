using Microsoft.Playwright;
using Portals.Core.Security;
using Portals.Testing;

namespace Portals.Browser.Tests.Admin;

/// <summary>
/// The editors' workspace in a real browser: sign-in, lockout, the users screen, a form surviving an expired session,
/// screenshots at desktop and phone sizes and axe-core on every screen. One server and browser for the class.
/// </summary>
public sealed class AdminWorkspaceTests(BrowserPortals portals) : IClassFixture<BrowserPortals>
{
    private static readonly string[] Screens =
        ["", "users", "users/create", "users/edit/1", "audit", "password", "roles", "roles/edit?name=Editor", "searchindex", "settings"];

    [Theory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public async Task Every_screen_renders_and_has_no_serious_accessibility_violation(Viewport viewport)
    {
        var page = await portals.NewPageAsync(viewport);
        var size = viewport.ToString().ToLowerInvariant();
        await page.GotoAsync("/haugiang/admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, $"admin-login-{size}");
        await Artifacts.AssertAccessibleAsync(page);

        await SignInAsync(page, "admin", PortalsFactory.AdminPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan", Exact = true })).ToBeVisibleAsync();
        if (viewport == Viewport.Phone)
        {
            var usersLink = page.Locator("#admin-nav").GetByRole(AriaRole.Link, new() { Name = "Người dùng" });
            await Expect(usersLink).ToBeHiddenAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Danh mục" }).ClickAsync();
            await Expect(usersLink).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, $"admin-menu-{size}");
        }
        foreach (var screen in Screens)
        {
            await page.GotoAsync("/haugiang/admin/" + screen);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, $"admin-{(screen.Length == 0 ? "dashboard" : screen.Replace('/', '-').Replace("?name=", "-", StringComparison.Ordinal))}-{size}");
            await Artifacts.AssertAccessibleAsync(page);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        await portals.Service<UserAccounts>().CreateAsync(portals.Tenant("cantho"), "khoa1", "Mat-khau-2025", ["Editor"], default);
        var page = await portals.NewPageAsync();
        await page.GotoAsync("/cantho/admin/login");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SignInAsync(page, "khoa1", "sai-mat-khau");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        await SignInAsync(page, "khoa1", "sai-mat-khau");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tài khoản tạm khoá 15 phút");
        await SignInAsync(page, "khoa1", "Mat-khau-2025");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tài khoản tạm khoá 15 phút");
        Assert.EndsWith("/cantho/admin/login", page.Url, StringComparison.Ordinal);
        await Artifacts.ScreenshotAsync(page, "admin-lockout-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_adds_disables_and_re_enables_a_user_and_sees_it_in_the_audit_log()
    {
        var page = await portals.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/haugiang/admin/login");
        await SignInAsync(page, "admin", PortalsFactory.AdminPassword);
        await page.Locator("#admin-nav").GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm người dùng" }).ClickAsync();
        await page.GetByLabel("Tên đăng nhập").FillAsync("bientap1");
        await page.GetByLabel("Mật khẩu ban đầu").FillAsync("Bien-tap-2025");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Bien-tap-2025");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Editor" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo người dùng" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã tạo người dùng" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "bientap1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vô hiệu hoá" }).ClickAsync();
        await Expect(page.Locator(".badge")).ToHaveTextAsync("Đã vô hiệu hoá");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kích hoạt lại" }).ClickAsync();
        await Expect(page.Locator(".badge")).ToHaveTextAsync("Đang hoạt động");

        await page.GotoAsync("/haugiang/admin/audit?user=admin");
        var rows = page.Locator("tbody tr").Filter(new() { HasText = "user:bientap1" });
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("127.0.0.1");
        await Artifacts.ScreenshotAsync(page, "admin-audit-after-user-changes-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_rebuilds_the_search_index_and_watches_its_progress()
    {
        var page = await portals.NewPageAsync();
        await page.GotoAsync("/cantho/admin/login");
        await SignInAsync(page, "admin", PortalsFactory.AdminPassword);
        // A rebuild of the seed content ends before a page could show it running, so the first status answer is
        // played by the test: a third of the way. Later answers come from the server.
        var answered = 0;
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/searchindex\\?handler=Status"), async route =>
        {
            if (Interlocked.Increment(ref answered) == 1)
            {
                await route.FulfillAsync(new()
                {
                    ContentType = "application/json",
                    Body = """{"state":"Running","done":3,"total":9,"documents":5,"setAside":0,"message":"Đang xây dựng lại: 3/9 mục."}""",
                });
                return;
            }
            await route.ContinueAsync();
        });
        await page.GotoAsync("/cantho/admin/searchindex");
        var progress = page.Locator("#rebuild-progress");
        var message = page.Locator("[data-rebuild-message]");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Xây dựng lại chỉ mục" });
        await Expect(progress).ToBeVisibleAsync();
        await Expect(progress).ToHaveAttributeAsync("value", "3");
        await Expect(progress).ToHaveAttributeAsync("max", "9");
        await Expect(message).ToHaveTextAsync("Đang xây dựng lại: 3/9 mục.");
        await Expect(button).ToBeDisabledAsync();
        // The next poll reaches the server: nothing has run in this process yet.
        await Expect(message).ToHaveTextAsync("Chưa xây dựng lại lần nào kể từ khi máy chủ khởi động.");
        await Expect(progress).ToBeHiddenAsync();

        await button.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã bắt đầu xây dựng lại" })).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync("Hoàn tất lúc");
        await Expect(button).ToBeEnabledAsync();
        await Expect(page.Locator("[data-figure='setAside']")).ToHaveTextAsync("0");
        await Artifacts.ScreenshotAsync(page, "admin-search-rebuilt-desktop");
        await Artifacts.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_form_submitted_after_the_session_expired_is_refilled_after_signing_in_again()
    {
        var page = await portals.NewPageAsync();
        await page.GotoAsync("/haugiang/admin/login");
        await SignInAsync(page, "admin", PortalsFactory.AdminPassword);
        await page.GotoAsync("/haugiang/admin/users/create");
        await page.GetByLabel("Tên đăng nhập").FillAsync("tacgia-het-phien");
        await page.GetByLabel("Mật khẩu ban đầu").FillAsync("Tac-gia-2025");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Author" }).CheckAsync();

        await page.Context.ClearCookiesAsync(new() { Name = "portals.admin.haugiang" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo người dùng" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await SignInAsync(page, "admin", PortalsFactory.AdminPassword);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/haugiang/admin/users/create\\?resume=1$"));
        await Expect(page.Locator("#form-restored")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync("tacgia-het-phien");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Author" })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Mật khẩu ban đầu")).ToHaveValueAsync("");
        await Artifacts.ScreenshotAsync(page, "admin-form-restored-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_rich_text_bundle_runs_under_the_admin_content_security_policy()
    {
        var page = await portals.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.GotoAsync("/haugiang/admin/login");
        await SignInAsync(page, "admin", PortalsFactory.AdminPassword);
        await page.GotoAsync("/haugiang/admin/password");
        await page.EvaluateAsync("""
            () => {
              const form = document.querySelector('main form');
              const input = Object.assign(document.createElement('textarea'), { id: 'Body', name: 'Body', hidden: true, value: '<p>Đã có</p>' });
              const host = document.createElement('div');
              host.setAttribute('data-rich-text', 'Body');
              host.setAttribute('aria-label', 'Nội dung');
              form.append(input, host);
            }
            """);
        await page.AddStyleTagAsync(new() { Url = "/haugiang/admin/assets/editor.css" });
        await page.AddScriptTagAsync(new() { Url = "/haugiang/admin/assets/editor.js" });

        var editor = page.Locator(".ql-editor");
        await Expect(editor).ToHaveTextAsync("Đã có");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" và Quốc lộ 61C");
        await Expect(page.Locator("#Body")).ToHaveValueAsync("<p>Đã có và Quốc lộ 61C</p>");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        // Waits for the sign-in's own answer (a redirect with the cookie, or the form again with its error), not for a
        // load event: in full runs Playwright several times never reported the next document's load states although
        // it had arrived ("NetworkIdle event fired"). What callers read next, they wait for.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync(),
            response => response.Request.IsNavigationRequest && response.Request.Method == "POST");
    }

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
