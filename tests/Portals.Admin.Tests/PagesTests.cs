using System.Net;
using System.Text.RegularExpressions;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Security;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>Every admin page: security headers, no inline script or style (the CSP would block it), Vietnamese by default, English on request.</summary>
public sealed partial class PagesTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private static readonly string[] Pages = ["", "users", "users/create", "users/edit/1", "audit", "password", "apiclients", "media", "denied",
        "roles", "roles/edit", "roles/edit?name=Administrator", "searchindex", "settings"];

    [Fact]
    public async Task Every_page_sends_the_security_headers_and_has_no_inline_script_or_style()
    {
        using var client = new AdminClient(factory, "haugiang");
        var checkedPages = 0;
        foreach (var page in Pages.Prepend("login"))
        {
            if (page == "")
            {
                await client.SignInAsAdminAsync();
            }
            using var response = await client.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{page}: {(int)response.StatusCode}");
            var headers = response.Headers;
            var csp = string.Join(" ", headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("no-store", headers.CacheControl!.ToString(), StringComparison.Ordinal);

            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
            Assert.Matches("<script src=\"/haugiang/admin/assets/admin\\.js\\?v=[0-9a-f]+\" defer>", html);
            checkedPages++;
        }
        Assert.Equal(Pages.Length + 1, checkedPages);
    }

    [Fact]
    public async Task Bundles_are_served_with_their_type_a_long_cache_and_an_etag()
    {
        using var client = new AdminClient(factory, "cantho");
        foreach (var (name, type) in new[] { ("admin.js", "text/javascript"), ("admin.css", "text/css"), ("editor.js", "text/javascript"), ("editor.css", "text/css") })
        {
            using var response = await client.GetAsync("assets/" + name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.NotNull(response.Headers.ETag);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500, name);
        }
        using var editor = await client.GetAsync("assets/editor.js");
        Assert.Contains("Quill", await editor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vietnamese_by_default_and_english_on_request_remembered_by_a_cookie()
    {
        using var client = new AdminClient(factory, "haugiang");
        using (var vietnamese = await client.GetAsync("login"))
        {
            var html = await vietnamese.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
            Assert.Contains("<h1>Đăng nhập</h1>", html, StringComparison.Ordinal);
        }
        (await client.GetAsync("login?lang=en")).Dispose();
        using var english = await client.GetAsync("login");
        var text = await english.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", text, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in</h1>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_languages_have_every_text_the_pages_use()
    {
        var module = AdminResources.Module;
        var vietnamese = AdminResources.Keys("AdminText.resx");
        var english = AdminResources.Keys("AdminText.en.resx");
        Assert.Equal(vietnamese.Order(), english.Order());

        var used = Directory.EnumerateFiles(module, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal) && !f.EndsWith(".csproj", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.StartsWith("Portals.", StringComparison.Ordinal))
            .Concat(AuditActions.All.Select(a => "Audit.Action." + a))
            .Concat(Permissions.All.Select(PermissionCatalog.LabelKey))
            .Concat(factory.Service<PermissionCatalog>().Groups.Select(g => g.LabelKey))
            .ToHashSet();
        Assert.True(used.Count > 50, $"Only {used.Count} keys found: the scan is broken.");
        Assert.Empty(used.Except(vietnamese));
    }



    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[^>]+\\s(on[a-z]+|style)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();

    // T["Key"], AddError(…, "Key"), RoleRefusal("…", "Key") and the resource keys returned (or chosen by ?:) in the rule classes.
    [GeneratedRegex("(?:T\\[|AddError\\(\"[^\"]+\", |RoleRefusal\\(\"[^\"]*\", |return |\\? |: )\"([A-Z][A-Za-z]+(?:\\.[A-Za-z]+)+)\"")]
    private static partial Regex TextKey();
}
