using System.Net;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Tenant settings for these tests: cantho allows 3 anonymous requests a minute (token requests have their own budget); haugiang lists one partner origin.</summary>
public sealed class LimitsFactory : PortalsFactory
{
    public const string Partner = "https://doitac.example.vn";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Portals:Tenants:cantho:AnonymousRequestsPerMinute", "3"),
        new("Portals:Api:BearerRequestsPerMinute", "5"),
        new("Portals:Tenants:haugiang:CorsOrigins:0", "*"),
        new("Portals:Tenants:haugiang:CorsOrigins:1", Partner),
        new("Portals:Tenants:haugiang:CacheMaxAgeSeconds", "120"),
    ];
}

public sealed class LimitsAndCorsTests(LimitsFactory factory) : IClassFixture<LimitsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task AnonymousOverLimit_Gets429ProblemWithRetryAfter_TokenHolderHasOwnBudget()
    {
        // Token requests have their own budget (Portals:Api:TokenRequestsPerMinute): this one spends none of the 3.
        using var owner = await _kit.ClientAsAsync(Caller.OwnTenant, "cantho");
        using var anonymous = _kit.Client();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await anonymous.GetAsync("cantho/api/content/ct-du-an-ql61c");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var limited = await anonymous.GetAsync("cantho/api/content/ct-du-an-ql61c");
        await ApiTestKit.ReadProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        using var withToken = await owner.GetAsync("cantho/api/content/ct-du-an-ql61c");
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);

        // Bearer requests are counted before the token is checked, so a flood of bad tokens is throttled too.
        using var forged = _kit.Client();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "forged");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await forged.GetAsync("cantho/api/content/ct-du-an-ql61c");
            statuses.Add(attempt.StatusCode);
        }
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // The limit is per tenant: haugiang keeps its own (default) budget.
        using var otherTenant = await anonymous.GetAsync("haugiang/api/content/hg-du-an-ql61c");
        Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
    }

    [Fact]
    public async Task Get_TenantCacheSetting_IsUsed()
    {
        using var client = _kit.Client();
        using var response = await client.GetAsync("haugiang/api/content/hg-du-an-ql61c");
        Assert.Equal("public, max-age=120", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Preflight_AnonymousGetFromAnyOrigin_IsAllowed()
    {
        using var response = await PreflightAsync("https://bat-ky.example.com", "GET", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));

        using var client = _kit.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "haugiang/api/content/hg-du-an-ql61c");
        request.Headers.Add("Origin", "https://bat-ky.example.com");
        using var get = await client.SendAsync(request);
        Assert.Equal("*", Header(get, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(get, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_WriteFromUnlistedOrigin_IsNotAllowed()
    {
        using var response = await PreflightAsync("https://bat-ky.example.com", "POST", "authorization,content-type");
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_WriteFromListedOrigin_IsAllowed()
    {
        using var response = await PreflightAsync(LimitsFactory.Partner, "POST", "authorization,content-type");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(LimitsFactory.Partner, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_TokenCarryingGetFromUnlistedOrigin_IsNotAllowed()
    {
        using var response = await PreflightAsync("https://bat-ky.example.com", "GET", "authorization");
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin, string method, string? headers)
    {
        using var client = _kit.Client();
        using var request = new HttpRequestMessage(HttpMethod.Options, "haugiang/api/content");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
