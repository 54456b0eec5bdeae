using System.Net;
using Portals.Core.Audit;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>Administrators create, disable, re-enable users and set their roles; every change is audited with who and where.</summary>
public sealed class UsersTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_can_then_sign_in_with_that_role()
    {
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        using var create = await admin.PostAsync("users/create",
            [new("Input.UserName", "tacgia1"), new("Input.Password", "Tac-gia-2025"), new("Input.Confirm", "Tac-gia-2025"), new("Input.Roles", "Author")]);
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        using (var list = await admin.GetAsync("users"))
        {
            var html = await list.Content.ReadAsStringAsync();
            Assert.Contains("tacgia1", html, StringComparison.Ordinal);
            Assert.Contains("Đã tạo người dùng &#x27;tacgia1&#x27;.", html, StringComparison.Ordinal);
        }

        var entry = Assert.Single(await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.UserCreated), a => a.Subject == "user:tacgia1");
        Assert.Equal("admin", entry.UserName);
        Assert.Equal("roles: Author", entry.Detail);

        using var author = new AdminClient(factory, "haugiang");
        using var signIn = await author.SignInAsync("tacgia1", "Tac-gia-2025");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var home = await author.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task An_invalid_new_user_shows_messages_next_to_the_fields_and_keeps_what_was_typed()
    {
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        using var response = await admin.PostAsync("users/create",
            [new("Input.UserName", "Người dùng"), new("Input.Password", "ngan"), new("Input.Confirm", "khac"), new("Input.Roles", "Editor")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Người dùng\"", html, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập chỉ gồm chữ không dấu", html, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu cần ít nhất 10 ký tự.", html, StringComparison.Ordinal);
        Assert.Contains("Hai lần nhập mật khẩu không khớp nhau.", html, StringComparison.Ordinal);
        Assert.Matches("id=\"role-Editor\"[^>]*checked", html);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Empty(await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.UserCreated));
    }

    [Fact]
    public async Task Roles_disable_enable_unlock_and_password_reset_are_each_audited()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "cantho", "Author");
        var id = (await AdminTestData.UserAsync(factory, "cantho", name))!.Id;
        using var admin = new AdminClient(factory, "cantho");
        await admin.SignInAsAdminAsync();
        var edit = $"users/edit/{id}";

        await PostOkAsync(admin, $"{edit}?handler=Roles", edit, new KeyValuePair<string, string>("Input.Roles", "Editor"), new KeyValuePair<string, string>("Input.Roles", "Author"));
        await PostOkAsync(admin, $"{edit}?handler=Disable", edit);
        Assert.False((await AdminTestData.UserAsync(factory, "cantho", name))!.Enabled);
        await PostOkAsync(admin, $"{edit}?handler=Enable", edit);
        await PostOkAsync(admin, $"{edit}?handler=Unlock", edit);
        await PostOkAsync(admin, $"{edit}?handler=Password", edit, new KeyValuePair<string, string>("Input.NewPassword", "Dat-lai-2025x"));

        var audit = (await AdminTestData.AuditAsync(factory, "cantho")).Where(a => a.Subject == "user:" + name).ToList();
        Assert.Equal(
            [AuditActions.UserRolesChanged, AuditActions.UserDisabled, AuditActions.UserEnabled, AuditActions.UserChanged, AuditActions.UserChanged],
            audit.Select(a => a.Action));
        Assert.Equal("Author → Author, Editor", audit[0].Detail);
        Assert.All(audit, a => Assert.Equal("admin", a.UserName));

        using var user = new AdminClient(factory, "cantho");
        using var signIn = await user.SignInAsync(name, "Dat-lai-2025x");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Administrators_cannot_disable_themselves_or_drop_their_own_user_management()
    {
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        var id = (await AdminTestData.UserAsync(factory, "haugiang", "admin"))!.Id;
        using var disable = await admin.PostAsync($"users/edit/{id}?handler=Disable", [], tokenPage: $"users/edit/{id}");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        using var roles = await admin.PostAsync($"users/edit/{id}?handler=Roles", [new("Input.Roles", "Editor")], tokenPage: $"users/edit/{id}");
        Assert.Contains("Bạn không thể tự bỏ quyền quản lý người dùng", await roles.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var record = (await AdminTestData.UserAsync(factory, "haugiang", "admin"))!;
        Assert.True(record.Enabled);
        Assert.Contains("Administrator", record.Roles, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Editor", "users", false)]
    [InlineData("Editor", "audit", false)]
    [InlineData("Author", "audit", false)]
    [InlineData("Editor", "", true)]
    [InlineData("Administrator", "audit", true)]
    public async Task Pages_require_the_permission_their_roles_grant(string role, string page, bool allowed)
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", role);
        using var client = new AdminClient(factory, "haugiang");
        (await client.SignInAsync(name, AdminTestData.Password)).Dispose();
        using var response = await client.GetAsync(page);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }
        Assert.Equal("/haugiang/admin/denied", response.Headers.Location?.OriginalString);
        using var denied = await client.GetAsync("denied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task A_user_whose_roles_do_not_grant_the_admin_cannot_sign_in()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", "Anonymous");
        using var client = new AdminClient(factory, "haugiang");
        using var response = await client.SignInAsync(name, AdminTestData.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không có quyền vào trang quản trị", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(client.SessionCookie());
    }

    private static async Task PostOkAsync(AdminClient client, string url, string tokenPage, params KeyValuePair<string, string>[] fields)
    {
        using var response = await client.PostAsync(url, fields, tokenPage: tokenPage);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
