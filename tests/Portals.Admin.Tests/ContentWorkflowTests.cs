using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>
/// The workflow from the admin and the JSON API: every change is audited with who and from where, in the same
/// transaction; Authors edit only their own items and never publish.
/// </summary>
public sealed class ContentWorkflowTests(AddressedPortals factory) : IClassFixture<AddressedPortals>
{
    [Fact]
    public async Task Every_admin_content_action_is_audited_with_user_address_and_item()
    {
        using var admin = new AdminClient(factory, "cantho");
        await admin.SignInAsAdminAsync();
        var author = await AdminTestData.CreateUserAsync(factory, "cantho", "Author");
        using var writer = new AdminClient(factory, "cantho");
        (await writer.SignInAsync(author, AdminTestData.Password)).Dispose();

        var id = ContentForms.SavedId(await ContentForms.SaveAsync(writer, "InvestmentCall", null, ContentForms.InvestmentCall("Nhật ký: bản của tác giả")));
        ContentForms.SavedId(await ContentForms.SaveAsync(writer, "InvestmentCall", id, ContentForms.InvestmentCall("Nhật ký: gửi duyệt"), "submit"));
        ContentForms.SavedId(await ContentForms.SaveAsync(admin, "InvestmentCall", id, ContentForms.InvestmentCall("Nhật ký: đã duyệt"), "publish"));
        ContentForms.SavedId(await ContentForms.SaveAsync(admin, "InvestmentCall", id,
            ContentForms.InvestmentCall("Nhật ký: hẹn giờ").With("scheduleAt", DateTime.UtcNow.AddHours(7).AddDays(3).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)), "schedule"));
        (await admin.PostAsync($"content/edit/InvestmentCall/{id}?handler=Unpublish", [], tokenPage: $"content/edit/InvestmentCall/{id}")).Dispose();
        var oldest = (await VersionsAsync("cantho", id))[^1];
        (await admin.PostAsync($"content/history/{id}?handler=Restore", [new("version", oldest)], tokenPage: $"content/history/{id}")).Dispose();
        (await admin.PostAsync($"content/edit/InvestmentCall/{id}?handler=Delete", [], tokenPage: $"content/edit/InvestmentCall/{id}")).Dispose();

        var audit = (await AdminTestData.AuditAsync(factory, "cantho")).Where(a => a.Subject == id).ToList();
        Assert.Equal(
        [
            (AuditActions.ContentCreated, author), (AuditActions.ContentEdited, author), (AuditActions.ContentSubmittedForReview, author),
            (AuditActions.ContentEdited, "admin"), (AuditActions.ContentPublished, "admin"), (AuditActions.ContentEdited, "admin"), (AuditActions.ContentScheduled, "admin"),
            (AuditActions.ContentUnpublished, "admin"), (AuditActions.ContentRestored, "admin"), (AuditActions.ContentDeleted, "admin"),
        ], audit.Select(a => (a.Action, a.UserName!)));
        Assert.All(audit, a => Assert.Equal(AddressedPortals.Address.ToString(), a.IpAddress));
        Assert.Contains("InvestmentCall: Nhật ký: đã duyệt", audit[4].Detail, StringComparison.Ordinal);
        Assert.Null(await ContentForms.LatestAsync(factory, "cantho", id));
    }

    [Fact]
    public async Task Every_json_api_write_is_audited_with_the_client_and_address()
    {
        var kit = new ApiTestKit(factory);
        const string id = "ct-nhat-ky-api";
        var item = ApiTestKit.InvestmentCall(id, "Nhật ký API");
        await kit.UpsertAsync(item, "cantho", draft: true);
        item["TitlePart"] = new JsonObject { ["Title"] = "Nhật ký API, hẹn giờ" };
        item["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = DateTime.UtcNow.AddDays(2).ToString("O") };
        await kit.UpsertAsync(item, "cantho", draft: true);
        using var client = await kit.ClientAsAsync(Caller.OwnTenant, "cantho");
        (await client.PostAsync($"cantho/api/content/{id}/publish", null)).Dispose();
        (await client.PostAsync($"cantho/api/content/{id}/unpublish", null)).Dispose();
        (await client.DeleteAsync($"cantho/api/content/{id}")).Dispose();

        var audit = (await AdminTestData.AuditAsync(factory, "cantho")).Where(a => a.Subject == id).ToList();
        Assert.Equal(
        [
            AuditActions.ContentCreated, AuditActions.ContentEdited, AuditActions.ContentScheduled,
            AuditActions.ContentPublished, AuditActions.ContentUnpublished, AuditActions.ContentDeleted,
        ], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("portals-cli", AddressedPortals.Address.ToString()), (a.UserName, a.IpAddress)));
    }

    [Fact]
    public async Task An_author_cannot_publish_or_schedule_and_cannot_open_another_users_item()
    {
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        var others = ContentForms.SavedId(await ContentForms.SaveAsync(admin, "InvestmentCall", null, ContentForms.InvestmentCall("Mục của quản trị viên")));
        var author = await AdminTestData.CreateUserAsync(factory, "haugiang", "Author");
        using var writer = new AdminClient(factory, "haugiang");
        (await writer.SignInAsync(author, AdminTestData.Password)).Dispose();

        using var form = await writer.GetAsync("content/edit/InvestmentCall");
        var html = await form.Content.ReadAsStringAsync();
        Assert.DoesNotContain("value=\"publish\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"schedule\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"submit\"", html, StringComparison.Ordinal);

        using var publish = await ContentForms.SaveAsync(writer, "InvestmentCall", null, ContentForms.InvestmentCall("Tác giả tự xuất bản"), "publish");
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("không có quyền xuất bản", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var foreign = await writer.GetAsync($"content/edit/InvestmentCall/{others}");
        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.EndsWith("/haugiang/admin/denied", foreign.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var foreignSave = await writer.PostAsync($"content/edit/InvestmentCall/{others}?handler=Delete", [], tokenPage: "content/edit/InvestmentCall");
        Assert.Equal(HttpStatusCode.Redirect, foreignSave.StatusCode);
        Assert.NotNull(await ContentForms.LatestAsync(factory, "haugiang", others));
    }

    [Fact]
    public async Task Administrators_add_rename_and_reorder_sectors_with_the_change_audited()
    {
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        string Version(string html) => ContentForms.Hidden(html, "version");
        var page = await (await admin.GetAsync("sectors")).Content.ReadAsStringAsync();

        using (var added = await admin.PostAsync("sectors?handler=Add", [new("version", Version(page)), new("name", "Kinh tế số")], tokenPage: "sectors"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        page = await (await admin.GetAsync("sectors")).Content.ReadAsStringAsync();
        (await admin.PostAsync("sectors?handler=Rename", [new("version", Version(page)), new("term", "sector-kinh-te-so"), new("name", "Kinh tế số và chuyển đổi số")], tokenPage: "sectors")).Dispose();
        page = await (await admin.GetAsync("sectors")).Content.ReadAsStringAsync();
        (await admin.PostAsync("sectors?handler=Move", [new("version", Version(page)), new("term", "sector-kinh-te-so"), new("direction", "up")], tokenPage: "sectors")).Dispose();
        using var stale = await admin.PostAsync("sectors?handler=Add", [new("version", Version(page)), new("name", "Từ trang cũ")], tokenPage: "sectors");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var taxonomy = (await ContentForms.LatestAsync(factory, "haugiang", "sector-taxonomy"))!;
        var terms = taxonomy.Part("TaxonomyPart")!["Terms"]!.AsArray().Select(t => t!["ContentItemId"]!.GetValue<string>()).ToList();
        Assert.Equal("sector-kinh-te-so", terms[^2]);
        Assert.Equal("Kinh tế số và chuyển đổi số", taxonomy.Part("TaxonomyPart")!["Terms"]![terms.Count - 2]!["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.True(taxonomy.Published);
        Assert.DoesNotContain("Từ trang cũ", taxonomy.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(3, (await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.ContentEdited)).Count(a => a.Subject == "sector-taxonomy"));
    }

    private async Task<IReadOnlyList<string>> VersionsAsync(string tenant, string id)
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant(tenant), default);
        return (await session.ListVersionsAsync(id, default)).Select(v => v.ContentItemVersionId).ToList();
    }
}
