using System.Net;
using System.Net.Http.Json;
using Portals.Core.Tenants;
using Portals.Testing;

namespace Portals.Web.Tests;

public sealed class TenantRoutingTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private sealed record TenantHealth(string Status, string Tenant);

    [Theory]
    [InlineData("haugiang")]
    [InlineData("cantho")]
    public async Task Health_ByPrefix_ResolvesThatTenant(string tenant)
    {
        var health = await factory.CreateClient().GetFromJsonAsync<TenantHealth>($"/{tenant}/health");
        Assert.Equal(tenant, health!.Tenant);
    }

    [Theory]
    [InlineData("haugiang.localhost", "haugiang")]
    [InlineData("cantho.localhost", "cantho")]
    public async Task Health_ByHost_ResolvesThatTenant(string host, string tenant)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(tenant, (await response.Content.ReadFromJsonAsync<TenantHealth>())!.Tenant);
    }

    [Fact]
    public async Task Health_OtherTenantPrefixOnTenantHost_404()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/haugiang/health");
        request.Headers.Host = "cantho.localhost";
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/vinhlong/health")]
    [InlineData("/HAUGIANGX/health")]
    [InlineData("/haugiang/no-such-route")]
    public async Task Get_UnknownPrefixOrRoute_404Problem(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownHostTenantRoute_404()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/content/hg-du-an-ql61c");
        request.Headers.Host = "vinhlong.example.vn";
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_Node_ListsBothTenantsRunning()
    {
        var body = await factory.CreateClient().GetStringAsync("/health");
        Assert.Contains("\"haugiang\":\"Running\"", body, StringComparison.Ordinal);
        Assert.Contains("\"cantho\":\"Running\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TenantSettingUp_503WithRetryAfter()
    {
        var states = factory.Service<TenantStates>();
        states.Set("cantho", TenantState.SettingUp);
        try
        {
            var response = await factory.CreateClient().GetAsync("/cantho/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/haugiang/health")).StatusCode);
        }
        finally
        {
            states.Set("cantho", TenantState.Running);
        }
    }
}
