using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>
/// Administrators list roles, create them and change what they grant, from the permissions the modules declare; each
/// change is audited as RoleChanged in its transaction, applies at once, and never locks anybody out.
/// </summary>
public sealed partial class RolesTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task Every_permission_is_declared_by_exactly_one_module_and_the_page_groups_them_in_both_languages()
    {
        var declared = factory.Services.GetServices<ModulePermissions>().SelectMany(m => m.Permissions).ToList();
        Assert.Equal(Permissions.All.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));

        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        using var page = await admin.GetAsync("roles/edit?name=Editor");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(["Nội dung", "Tìm kiếm", "Trang quản trị"], Legends().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(Permissions.All.Count, CheckboxValues().Count(html));
        Assert.Matches("value=\"PublishContent\" checked=\"checked\"[^>]*>\\s*Xuất bản, ngừng xuất bản, hẹn giờ xuất bản <code lang=\"en\">PublishContent</code>", html);
        Assert.DoesNotMatch("value=\"ManageUsers\" checked", html);

        (await admin.GetAsync("roles?lang=en")).Dispose();
        using var english = await admin.GetAsync("roles/edit?name=Editor");
        var text = await english.Content.ReadAsStringAsync();
        Assert.Equal(["Content", "Search", "Administration"], Legends().Matches(text).Select(m => m.Groups[1].Value));
        Assert.Contains("Publish, unpublish, schedule <code lang=\"en\">PublishContent</code>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permission_granted_to_a_role_applies_at_once_and_each_change_is_audited_as_RoleChanged()
    {
        var author = await AdminTestData.CreateUserAsync(factory, "haugiang", "Author");
        using var user = new AdminClient(factory, "haugiang");
        (await user.SignInAsync(author, AdminTestData.Password)).Dispose();
        using (var before = await user.GetAsync("sectors"))
        {
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        }
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        var authorGrants = (await RoleAsync("haugiang", "Author")).Permissions;

        using var grant = await SaveAsync(admin, "Author", [.. authorGrants, Permissions.ManageTaxonomies], "Tác giả, được sửa lĩnh vực.");
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        using (var after = await user.GetAsync("sectors"))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
        using var revoke = await SaveAsync(admin, "Author", authorGrants, "Tác giả, được sửa lĩnh vực.");
        using (var revoked = await user.GetAsync("sectors"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }
        using (var list = await admin.GetAsync("roles"))
        {
            Assert.Contains("Đã lưu vai trò &#x27;Author&#x27;.", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var audit = (await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.RoleChanged)).Where(a => a.Subject == "role:Author").ToList();
        Assert.Equal(["+ManageTaxonomies, description", "−ManageTaxonomies"], audit.Select(a => a.Detail));
        Assert.All(audit, a => Assert.Equal("admin", a.UserName));
        Assert.Equal(authorGrants, (await RoleAsync("haugiang", "Author")).Permissions);
    }

    [Fact]
    public async Task An_administrator_creates_a_role_that_users_can_then_be_given()
    {
        using var admin = new AdminClient(factory, "cantho");
        await admin.SignInAsAdminAsync();
        using var invalid = await admin.PostAsync("roles/edit",
            [new("Input.Name", "Biên tập tin"), new("Input.Description", "Biên tập tin tức"), new("Input.Permissions", Permissions.AccessAdminPanel)]);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Tên vai trò chỉ gồm chữ cái không dấu", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Biên tập tin\"", html, StringComparison.Ordinal);
        Assert.Matches("value=\"AccessAdminPanel\" checked", html);
        using var taken = await admin.PostAsync("roles/edit", [new("Input.Name", "editor")]);
        Assert.Contains("Đã có vai trò &#x27;editor&#x27;.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var created = await admin.PostAsync("roles/edit",
        [
            new("Input.Name", "BienTapTin"), new("Input.Description", "Biên tập tin tức"),
            new("Input.Permissions", Permissions.AccessAdminPanel), new("Input.Permissions", Permissions.EditOwnContent), new("Input.Permissions", "NotAPermission"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal([Permissions.AccessAdminPanel, Permissions.EditOwnContent], (await RoleAsync("cantho", "BienTapTin")).Permissions);
        var entry = Assert.Single(await AdminTestData.AuditAsync(factory, "cantho", AuditActions.RoleChanged), a => a.Subject == "role:BienTapTin");
        Assert.Equal("created: AccessAdminPanel, EditOwnContent", entry.Detail);
        using (var list = await admin.GetAsync("roles"))
        {
            Assert.Contains("Biên tập tin tức", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var newUser = await admin.GetAsync("users/create"))
        {
            Assert.Contains("id=\"role-BienTapTin\"", await newUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var haugiang = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default);
        Assert.DoesNotContain(RoleDocument.Parse(await haugiang.GetDocumentAsync(DocumentKeys.Roles, default)), r => r.Name == "BienTapTin");
    }

    [Fact]
    public async Task The_administrator_role_keeps_the_rights_that_let_anyone_back_in()
    {
        using var admin = new AdminClient(factory, "cantho");
        await admin.SignInAsAdminAsync();
        var before = (await RoleAsync("cantho", Permissions.AdministratorRole)).Permissions;
        using (var page = await admin.GetAsync("roles/edit?name=Administrator"))
        {
            var html = await page.Content.ReadAsStringAsync();
            foreach (var kept in PermissionCatalog.AdministratorKeeps)
            {
                Assert.Matches($"value=\"{kept}\" checked=\"checked\"\\s+disabled=\"disabled\"", html);
            }
            Assert.DoesNotMatch("value=\"ManageSettings\"[^>]*disabled", html);
        }

        // What a browser posts when every box is cleared: disabled boxes are never posted.
        using var stripped = await SaveAsync(admin, Permissions.AdministratorRole, [Permissions.ViewContent], "Quản trị viên");
        Assert.Equal(HttpStatusCode.Redirect, stripped.StatusCode);
        Assert.Equal([Permissions.ViewContent, .. PermissionCatalog.AdministratorKeeps], (await RoleAsync("cantho", Permissions.AdministratorRole)).Permissions);
        using (var stillIn = await admin.GetAsync("roles"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }
        using (var users = await admin.GetAsync("users"))
        {
            Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        }
        using var restored = await SaveAsync(admin, Permissions.AdministratorRole, before, "Quản trị viên");
        Assert.Equal(before.Order(StringComparer.Ordinal), (await RoleAsync("cantho", Permissions.AdministratorRole)).Permissions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Nobody_takes_away_their_own_right_to_manage_roles()
    {
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        (await admin.PostAsync("roles/edit", [new("Input.Name", "QuanTriVaiTro"), new("Input.Permissions", Permissions.AccessAdminPanel), new("Input.Permissions", Permissions.ManageRoles)])).Dispose();
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", "QuanTriVaiTro");
        using var keeper = new AdminClient(factory, "haugiang");
        (await keeper.SignInAsync(name, AdminTestData.Password)).Dispose();
        var audited = (await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.RoleChanged)).Count;

        using var refused = await SaveAsync(keeper, "QuanTriVaiTro", [Permissions.AccessAdminPanel], "");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Bạn không thể tự bỏ quyền “Quản lý vai trò” của chính mình.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([Permissions.AccessAdminPanel, Permissions.ManageRoles], (await RoleAsync("haugiang", "QuanTriVaiTro")).Permissions);
        Assert.Equal(audited, (await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.RoleChanged)).Count);
    }

    [Theory]
    [InlineData("Editor", "roles")]
    [InlineData("Editor", "roles/edit?name=Author")]
    [InlineData("Editor", "searchindex")]
    [InlineData("Author", "settings")]
    public async Task Roles_search_and_settings_pages_are_for_administrators(string role, string page)
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", role);
        using var client = new AdminClient(factory, "haugiang");
        (await client.SignInAsync(name, AdminTestData.Password)).Dispose();
        using var response = await client.GetAsync(page);
        Assert.Equal("/haugiang/admin/denied", response.Headers.Location?.OriginalString);
        using var post = await client.PostAsync("roles/edit?name=Author", [new("Input.Permissions", Permissions.ManageUsers)], tokenPage: "");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.DoesNotContain(Permissions.ManageUsers, (await RoleAsync("haugiang", "Author")).Permissions);
    }

    private static Task<HttpResponseMessage> SaveAsync(AdminClient client, string role, IEnumerable<string> permissions, string description) =>
        client.PostAsync($"roles/edit?name={role}",
            [new("Input.Description", description), .. permissions.Select(p => new KeyValuePair<string, string>("Input.Permissions", p))]);

    private async Task<RoleInfo> RoleAsync(string tenant, string name)
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant(tenant), default);
        return RoleDocument.Parse(await session.GetDocumentAsync(DocumentKeys.Roles, default)).Single(r => r.Name == name);
    }

    [GeneratedRegex("<legend>([^<]+)</legend>")]
    private static partial Regex Legends();

    [GeneratedRegex("name=\"Input.Permissions\" value=\"([A-Za-z]+)\"")]
    private static partial Regex CheckboxValues();
}
