using System.Net;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>The admin session cookie: per tenant, checked on every request, HttpOnly/Lax/Secure, and where a lost session leads.</summary>
public sealed class SessionTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task A_tenants_session_cookie_is_refused_by_the_other_tenant_under_either_name()
    {
        using var haugiang = new AdminClient(factory, "haugiang");
        await haugiang.SignInAsAdminAsync();
        var session = haugiang.SessionCookie();
        Assert.False(string.IsNullOrEmpty(session));

        using var own = await SendWithCookieAsync("/haugiang/admin/users", $"portals.admin.haugiang={session}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        foreach (var name in new[] { "portals.admin.cantho", "portals.admin.haugiang" })
        {
            using var foreign = await SendWithCookieAsync("/cantho/admin/users", $"{name}={session}");
            Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
            Assert.StartsWith("/cantho/admin/login", foreign.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_cookie_is_named_and_scoped_per_tenant_httponly_lax_and_secure_over_https()
    {
        var http = factory.CreateDefaultClient(new Uri("https://localhost/"), new NoCookies());
        var login = await http.GetAsync("/haugiang/admin/login");
        var token = AdminClient.Token(await login.Content.ReadAsStringAsync());
        var antiforgery = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/haugiang/admin/login")
        {
            Content = new FormUrlEncodedContent([new("Input.UserName", "admin"), new("Input.Password", PortalsFactory.AdminPassword), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portals.admin.", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.StartsWith("portals.admin.haugiang=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/haugiang;", cookie + ";", StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_tenants_own_host_the_admin_answers_at_slash_admin()
    {
        using var client = new AdminClient(factory, "haugiang", host: "haugiang.localhost");
        using (var anonymous = await client.GetAsync(""))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }
        using (var signIn = await client.SignInAsync("admin", PortalsFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        using var users = await client.GetAsync("users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("admin", await users.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_a_session_goes_to_sign_in_and_comes_back_to_refill_the_form()
    {
        using var client = new AdminClient(factory, "haugiang");
        using var response = await client.PostAsync("users/edit/1?handler=Roles", [new("Input.Roles", "Editor")], withToken: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.OriginalString);
        Assert.Equal("/haugiang/admin/login?returnUrl=/haugiang/admin/users/edit/1?resume=1", location);

        using var signIn = await client.PostAsync("login?returnUrl=" + Uri.EscapeDataString("/haugiang/admin/users/edit/1?resume=1"),
            [new("Input.UserName", "admin"), new("Input.Password", PortalsFactory.AdminPassword)], tokenPage: "login");
        Assert.Equal("/haugiang/admin/users/edit/1?resume=1", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://example.com/haugiang/admin")]
    [InlineData("//example.com/haugiang/admin")]
    [InlineData("/cantho/admin/users")]
    [InlineData("/haugiang/api/content")]
    public async Task Sign_in_never_redirects_outside_the_tenants_admin(string returnUrl)
    {
        using var client = new AdminClient(factory, "haugiang");
        using var response = await client.PostAsync("login?returnUrl=" + Uri.EscapeDataString(returnUrl),
            [new("Input.UserName", "admin"), new("Input.Password", PortalsFactory.AdminPassword)], tokenPage: "login");
        Assert.Equal("/haugiang/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_users_other_sessions_but_not_this_one()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", "Editor");
        using var first = new AdminClient(factory, "haugiang");
        using var second = new AdminClient(factory, "haugiang");
        (await first.SignInAsync(name, AdminTestData.Password)).Dispose();
        (await second.SignInAsync(name, AdminTestData.Password)).Dispose();

        using var change = await first.PostAsync("password",
            [new("Input.Current", AdminTestData.Password), new("Input.New", "Mat-khau-moi-2026"), new("Input.Confirm", "Mat-khau-moi-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        using var kept = await first.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        using var ended = await second.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_open_session_ends_at_their_next_request()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", "Editor");
        using var editor = new AdminClient(factory, "haugiang");
        (await editor.SignInAsync(name, AdminTestData.Password)).Dispose();
        using (var before = await editor.GetAsync(""))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();
        var id = (await AdminTestData.UserAsync(factory, "haugiang", name))!.Id;
        using var disable = await admin.PostAsync($"users/edit/{id}?handler=Disable", [], tokenPage: $"users/edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        using var after = await editor.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var again = await editor.SignInAsync(name, AdminTestData.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("vô hiệu hoá", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(string path, string cookie)
    {
        var http = factory.CreateDefaultClient(new Uri("http://localhost/"), new NoCookies());
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    /// <summary>A pass-through handler: the test sets every cookie header itself.</summary>
    private sealed class NoCookies : DelegatingHandler;
}
