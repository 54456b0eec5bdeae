using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portals.Core.Audit;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>Every POST handler of every admin page refuses a request without an antiforgery token, and changes nothing.</summary>
public sealed partial class AntiforgeryTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task Every_admin_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var handlers = PostHandlers("haugiang");
        Assert.Contains(handlers, h => h.Page == "/Login");
        Assert.Contains(handlers, h => h.Page == "/Users/Create");
        Assert.Contains(handlers, h => h.Page == "/Users/Edit" && h.Url.EndsWith("handler=Disable", StringComparison.Ordinal));
        Assert.Contains(handlers, h => h.Page == "/Content/Edit" && h.Url.EndsWith("handler=Delete", StringComparison.Ordinal));
        Assert.Contains(handlers, h => h.Page == "/Content/History" && h.Url.EndsWith("handler=Restore", StringComparison.Ordinal));
        Assert.Contains(handlers, h => h.Page == "/Sectors/Index" && h.Url.EndsWith("handler=Move", StringComparison.Ordinal));
        Assert.True(handlers.Count >= 19, string.Join(", ", handlers.Select(h => h.Url)));
        Assert.Contains(handlers, h => h.Page == "/Media/Upload");
        Assert.Contains(handlers, h => h.Page == "/Media/Index" && h.Url.EndsWith("handler=DeleteFile", StringComparison.Ordinal));
        Assert.Contains(handlers, h => h.Page == "/ApiClients/Index" && h.Url.EndsWith("handler=Delete", StringComparison.Ordinal));

        using var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        var auditBefore = (await AdminTestData.AuditAsync(factory, "haugiang")).Count;
        foreach (var handler in handlers)
        {
            using var content = new FormUrlEncodedContent(
            [
                new("Input.UserName", "nguoila"), new("Input.Password", "Mat-khau-12345"), new("Input.Confirm", "Mat-khau-12345"),
                new("Input.Roles", "Editor"), new("Input.Current", PortalsFactory.AdminPassword), new("Input.New", "Mat-khau-moi-2025"),
                new("Input.NewPassword", "Mat-khau-moi-2025"),
            ]);
            using var response = await client.Http.PostAsync(handler.Url, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{handler.Url}: {(int)response.StatusCode}");
            Assert.Contains("resume=1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(await AdminTestData.UserAsync(factory, "haugiang", "nguoila"));
        Assert.Equal(auditBefore, (await AdminTestData.AuditAsync(factory, "haugiang")).Count);
        using var stillSignedIn = await client.GetAsync("users");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task A_token_issued_by_one_tenants_page_is_refused_by_the_other_in_the_same_browser()
    {
        // One cookie jar for both portals, as one browser on localhost: the antiforgery cookie is shared.
        using var browser = new AdminClient(factory, "haugiang");
        var haugiangToken = await browser.TokenAsync("login");
        using (var ownTenant = await Post(browser, "/haugiang/admin/login", haugiangToken))
        {
            Assert.Equal(HttpStatusCode.Redirect, ownTenant.StatusCode);
        }
        using var otherTenant = await Post(browser, "/cantho/admin/login", haugiangToken);
        Assert.Equal(HttpStatusCode.BadRequest, otherTenant.StatusCode);
        Assert.Empty(await AdminTestData.AuditAsync(factory, "cantho", AuditActions.SignIn));
    }

    private static Task<HttpResponseMessage> Post(AdminClient client, string url, string token) =>
        client.Http.PostAsync(url, new FormUrlEncodedContent(
            [new("Input.UserName", "admin"), new("Input.Password", PortalsFactory.AdminPassword), new("__RequestVerificationToken", token)]));

    /// <summary>Each OnPost… method of each admin page model, as the URL that reaches it in <paramref name="tenant"/>.</summary>
    private List<(string Page, string Url)> PostHandlers(string tenant)
    {
        var routes = factory.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>(), e.RoutePattern.RawText))
            .Where(e => e.Descriptor?.AreaName == "Admin")
            .GroupBy(e => e.Descriptor!.ViewEnginePath)
            .ToDictionary(g => g.Key, g => g.Select(e => e.RawText!).OrderBy(t => t.Length).First());
        const string Namespace = "Portals.Admin.Areas.Admin.Pages.";
        var handlers = new List<(string, string)>();
        foreach (var model in typeof(AdminPageModel).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AdminPageModel)) && !t.IsAbstract))
        {
            var page = "/" + model.FullName![Namespace.Length..^"Model".Length].Replace('.', '/');
            Assert.True(routes.TryGetValue(page, out var route), $"No endpoint for {page}");
            // Every other route value ({id:long}, {type}, {id?}…) gets a sample: the token is checked before the handler runs.
            var url = "/" + RouteValue().Replace(route!.Replace("{tenant:tenant}", tenant, StringComparison.Ordinal), "1");
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var name = method.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal);
                handlers.Add((page, name.Length == 0 ? url : $"{url}?handler={name}"));
            }
        }
        return handlers;
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\{[^}]+\\}")]
    private static partial System.Text.RegularExpressions.Regex RouteValue();
}
