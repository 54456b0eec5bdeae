using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>A browser-like client of one tenant's admin: keeps cookies, does not follow redirects, reads antiforgery tokens.</summary>
public sealed partial class AdminClient : IDisposable
{
    public AdminClient(PortalsFactory factory, string tenant, string? host = null)
    {
        Tenant = tenant;
        Cookies = new CookieContainer();
        Http = factory.CreateDefaultClient(new Uri($"http://{host ?? "localhost"}/"), new CookieHandler(Cookies));
        Root = host is null ? $"/{tenant}/admin" : "/admin";
    }

    public string Tenant { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The admin root as the browser sees it: <c>/haugiang/admin</c>, or <c>/admin</c> on the tenant's host.</summary>
    public string Root { get; }

    public string Url(string relative) => relative.Length == 0 ? Root : $"{Root}/{relative.TrimStart('/')}";

    public Task<HttpResponseMessage> GetAsync(string relative) => Http.GetAsync(Url(relative));

    public async Task<string> TokenAsync(string relative)
    {
        using var response = await GetAsync(relative);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Token(await response.Content.ReadAsStringAsync());
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return match.Groups[1].Value;
    }

    /// <summary>Posts a form; with <paramref name="token"/> null the page's own token is fetched first (GET of the same page).</summary>
    public async Task<HttpResponseMessage> PostAsync(string relative, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true, string? tokenPage = null)
    {
        var form = fields.ToList();
        if (withToken)
        {
            form.Add(new("__RequestVerificationToken", await TokenAsync(tokenPage ?? relative.Split('?')[0])));
        }
        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(Url(relative), content);
    }

    public Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        PostAsync("login", [new("Input.UserName", userName), new("Input.Password", password)]);

    public async Task SignInAsAdminAsync()
    {
        using var response = await SignInAsync("admin", PortalsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public string? SessionCookie() => Cookies.GetAllCookies().FirstOrDefault(c => c.Name.StartsWith("portals.admin.", StringComparison.Ordinal))?.Value;

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>A cookie jar in front of the test server's handler (the factory's own cookie handling cannot be shared).</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }
            return response;
        }
    }
}
