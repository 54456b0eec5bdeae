using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Search;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>The search-index page (rebuild with progress, audited) and the read-only settings page.</summary>
public sealed class SearchAndSettingsTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task An_administrator_rebuilds_the_tenants_search_index_and_sees_its_progress_and_result()
    {
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        using (var page = await admin.GetAsync("searchindex"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Chưa xây dựng lại lần nào kể từ khi máy chủ khởi động.", html, StringComparison.Ordinal);
            Assert.Contains("data-status-url=\"/haugiang/admin/searchindex?handler=Status\"", html, StringComparison.Ordinal);
        }
        using (var idle = await admin.GetAsync("searchindex?handler=Status"))
        {
            Assert.Equal("None", JsonDocument.Parse(await idle.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        }

        using var start = await admin.PostAsync("searchindex", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using (var started = await admin.GetAsync("searchindex"))
        {
            Assert.Contains("Đã bắt đầu xây dựng lại chỉ mục tìm kiếm.", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var status = await PollAsync(admin, s => s.GetProperty("state").GetString() != "Running");

        Assert.Equal("Completed", status.GetProperty("state").GetString());
        int published;
        await using (var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default))
        {
            published = (await session.ListPublishedIdsAsync(default)).Count;
        }
        Assert.True(published > 0);
        Assert.Equal(published, status.GetProperty("done").GetInt32());
        Assert.Equal(published, status.GetProperty("total").GetInt32());
        var figures = await factory.Service<ISearchIndex>().GetStatusAsync("haugiang", default);
        Assert.Equal(figures.Documents, status.GetProperty("documents").GetInt64());
        Assert.Equal(0, status.GetProperty("setAside").GetInt32());
        Assert.StartsWith("Hoàn tất lúc ", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains($"đã đọc lại {published} mục đã xuất bản; chỉ mục có {figures.Documents} tài liệu, 0 tài liệu bị để riêng.", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        using (var page = await admin.GetAsync("searchindex"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Hoàn tất lúc ", html, StringComparison.Ordinal);
            Assert.Contains($"data-figure=\"documents\">{figures.Documents}<", html, StringComparison.Ordinal);
        }

        var entry = Assert.Single(await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.SearchRebuildStarted));
        Assert.Equal("admin", entry.UserName);
        Assert.Equal("search:haugiang", entry.Subject);
        Assert.Empty(await AdminTestData.AuditAsync(factory, "cantho", AuditActions.SearchRebuildStarted));
        using var other = new AdminClient(factory, "cantho");
        await other.SignInAsAdminAsync();
        using var otherStatus = await other.GetAsync("searchindex?handler=Status");
        Assert.Equal("None", JsonDocument.Parse(await otherStatus.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_settings_page_shows_the_portals_settings_and_where_they_are_changed_without_a_form()
    {
        using var admin = new AdminClient(factory, "cantho");
        await admin.SignInAsAdminAsync();
        using var page = await admin.GetAsync("settings");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<dd>Cổng thông tin điện tử thành phố Cần Thơ</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<code>/cantho/</code>", html, StringComparison.Ordinal);
        Assert.Contains("cantho.localhost", html, StringComparison.Ordinal);
        Assert.Contains("<code>Portals.Theme.CanTho</code>", html, StringComparison.Ordinal);
        Assert.Contains("vi-VN", html, StringComparison.Ordinal);
        Assert.Contains("Asia/Ho_Chi_Minh", html, StringComparison.Ordinal);
        Assert.Contains("Portals:Tenants:cantho", html, StringComparison.Ordinal);
        // The only form is the layout's sign-out: nothing on this page pretends to be editable.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<form "));
    }

    private static async Task<JsonElement> PollAsync(AdminClient client, Func<JsonElement, bool> done)
    {
        var clock = Stopwatch.StartNew();
        JsonElement last = default;
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            using var response = await client.GetAsync("searchindex?handler=Status");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (done(last))
            {
                return last;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"The rebuild did not finish in time; last status: {last}");
        return last;
    }
}
