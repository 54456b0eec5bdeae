using System.Net;
using System.Text.RegularExpressions;
using Portals.Core.Content;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>The generated editors over HTTP: what is saved, what is refused and kept, conflicts, ownership, the pages' headers.</summary>
public sealed partial class ContentEditorTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private static readonly string[] Pages =
    [
        "", "content/InvestmentCall", "content/edit/InvestmentCall", "content/edit/KeyProject/hg-du-an-ql61c",
        "content/history/hg-du-an-ql61c", "content/preview/hg-du-an-ql61c", "sectors",
    ];

    [Fact]
    public async Task Content_pages_send_the_security_headers_and_have_no_inline_script_or_style()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            Assert.Contains("frame-ancestors 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
        }
    }

    [Fact]
    public async Task The_preview_is_the_public_theme_page_marked_and_never_indexed()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        var id = ContentForms.SavedId(await ContentForms.SaveAsync(client, "InvestmentCall", null, ContentForms.InvestmentCall("Bản nháp xem trước cảng Cái Cui")));

        using var preview = await client.GetAsync($"content/preview/{id}");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("noindex, nofollow", preview.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("no-store", preview.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html, StringComparison.Ordinal);
        // Rendered by the tenant's public theme (its item page and preview banner), not by the admin layout.
        Assert.Contains("class=\"preview-banner\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-nav", html, StringComparison.Ordinal);
        Assert.Contains("Bản nháp xem trước cảng Cái Cui", html, StringComparison.Ordinal);
        Assert.Contains("Giao thông vận tải", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_onerror_and_javascript_links_are_stripped_from_html_saved_through_the_form()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        const string hostile = "<p>Ưu đãi <strong>thuế</strong></p><script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">bấm</a>";
        var inputs = ContentForms.InvestmentCall("Dự án có HTML độc hại", hostile).With("InvestmentCall.Incentives", hostile);

        var id = ContentForms.SavedId(await ContentForms.SaveAsync(client, "InvestmentCall", null, inputs));

        var saved = (await ContentForms.LatestAsync(factory, "haugiang", id))!;
        foreach (var html in new[] { saved.Part("HtmlBodyPart")!["Html"]!.GetValue<string>(), saved.Part("InvestmentCall")!["Incentives"]!["Html"]!.GetValue<string>() })
        {
            Assert.Contains("<strong>thuế</strong>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
        // The editor shows the cleaned result, not what was pasted.
        using var editor = await client.GetAsync($"content/edit/InvestmentCall/{id}");
        var page = await editor.Content.ReadAsStringAsync();
        Assert.DoesNotContain("alert(", ContentForms.FieldMarkup(page, "HtmlBodyPart.Html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_save_shows_each_message_next_to_its_field_and_keeps_what_was_typed()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        var inputs = ContentForms.InvestmentCall("Khu công nghiệp Tân Phú Thạnh – chưa hợp lệ")
            .With("InvestmentCall.Location", "").With("InvestmentCall.AreaHa", "-5").With("InvestmentCall.Deadline", "31/02/2030");

        using var response = await ContentForms.SaveAsync(client, "InvestmentCall", null, inputs);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("là bắt buộc", ContentForms.FieldMarkup(html, "InvestmentCall.Location"), StringComparison.Ordinal);
        Assert.Contains("lớn hơn hoặc bằng 0", ContentForms.FieldMarkup(html, "InvestmentCall.AreaHa"), StringComparison.Ordinal);
        Assert.Contains("không phải là ngày hợp lệ", ContentForms.FieldMarkup(html, "InvestmentCall.Deadline"), StringComparison.Ordinal);
        Assert.Contains("value=\"Khu công nghiệp Tân Phú Thạnh – chưa hợp lệ\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-5\"", ContentForms.FieldMarkup(html, "InvestmentCall.AreaHa"), StringComparison.Ordinal);
        Assert.Contains("value=\"31/02/2030\"", ContentForms.FieldMarkup(html, "InvestmentCall.Deadline"), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", ContentForms.FieldMarkup(html, "InvestmentCall.Location"), StringComparison.Ordinal);
        var itemId = ContentForms.Hidden(html, "itemId");
        Assert.Null(await ContentForms.LatestAsync(factory, "haugiang", itemId));
    }

    [Fact]
    public async Task A_second_save_from_an_older_form_is_a_conflict_that_keeps_the_text_and_overwrites_only_when_asked()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        var id = ContentForms.SavedId(await ContentForms.SaveAsync(client, "InvestmentCall", null, ContentForms.InvestmentCall("Cảng Cái Cui – bản gốc")));
        var loaded = ContentForms.Hidden(await (await client.GetAsync($"content/edit/InvestmentCall/{id}")).Content.ReadAsStringAsync(), "basedOn");
        (await ContentForms.SaveAsync(client, "InvestmentCall", id, ContentForms.InvestmentCall("Cảng Cái Cui – bản tab một"), basedOn: loaded)).Dispose();

        using var second = await ContentForms.SaveAsync(client, "InvestmentCall", id, ContentForms.InvestmentCall("Cảng Cái Cui – bản tab hai"), basedOn: loaded);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("đã được thay đổi trong lúc bạn sửa", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Cảng Cái Cui – bản tab hai\"", html, StringComparison.Ordinal);
        Assert.Equal("Cảng Cái Cui – bản tab một", (await ContentForms.LatestAsync(factory, "haugiang", id))!.DisplayText);

        var newest = Regex.Match(html, "name=\"overwrite\" value=\"([^\"]+)\"").Groups[1].Value;
        var overwrite = ContentForms.InvestmentCall("Cảng Cái Cui – bản tab hai").With("overwrite", newest);
        ContentForms.SavedId(await ContentForms.SaveAsync(client, "InvestmentCall", id, overwrite, basedOn: loaded));
        Assert.Equal("Cảng Cái Cui – bản tab hai", (await ContentForms.LatestAsync(factory, "haugiang", id))!.DisplayText);
    }

    [Fact]
    public async Task A_double_submitted_new_item_is_created_once()
    {
        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        using var form = await client.GetAsync("content/edit/InvestmentCall");
        var html = await form.Content.ReadAsStringAsync();
        var fields = ContentForms.InvestmentCall("Bấm lưu hai lần").Concat([
            new("itemId", ContentForms.Hidden(html, "itemId")), new("basedOn", ""), new("command", "save"),
            new("__RequestVerificationToken", AdminClient.Token(html))]).ToList();

        using var first = await client.Http.PostAsync(client.Url("content/edit/InvestmentCall"), new FormUrlEncodedContent(fields));
        using var again = await client.Http.PostAsync(client.Url("content/edit/InvestmentCall"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default);
        Assert.Single(await session.ListVersionsAsync(ContentForms.Hidden(html, "itemId"), default));
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[^>]+\\s(on[a-z]+|style)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();
}
