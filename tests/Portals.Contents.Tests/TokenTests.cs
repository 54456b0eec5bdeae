using System.Net;
using System.Text.Json;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

public sealed class TokenTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    private static FormUrlEncodedContent Form(string grant, string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = grant,
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    });

    [Fact]
    public async Task Token_SeededCliClient_IssuesBearerToken()
    {
        using var client = _kit.Client();
        using var response = await client.PostAsync("cantho/connect/token", Form("client_credentials", "portals-cli", PortalsFactory.ApiClientSecret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
    }

    [Fact]
    public async Task Token_WrongSecret_Gets401InvalidClient()
    {
        using var client = _kit.Client();
        using var response = await client.PostAsync("haugiang/connect/token", Form("client_credentials", "portals-cli", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ClientOfOtherTenant_IsUnknownHere()
    {
        await _kit.TokenAsync("cantho", ApiTestKit.ReaderClient);
        using var client = _kit.Client();
        using var response = await client.PostAsync("haugiang/connect/token", Form("client_credentials", ApiTestKit.ReaderClient, ApiTestKit.ClientSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_PasswordGrant_IsRejected()
    {
        using var client = _kit.Client();
        using var response = await client.PostAsync("haugiang/connect/token", Form("password", "portals-cli", PortalsFactory.ApiClientSecret));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unsupported_grant_type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ViaTenantHost_WorksOnPrefixedRoutes()
    {
        using var hostClient = _kit.Client("haugiang.localhost");
        using var response = await hostClient.PostAsync("connect/token", Form("client_credentials", "portals-cli", PortalsFactory.ApiClientSecret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        using var client = _kit.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var preview = await client.GetAsync("haugiang/api/content/hg-du-an-ql61c?version=latest");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
    }

    [Fact]
    public async Task Read_WithGarbageToken_Gets401()
    {
        using var client = _kit.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        using var response = await client.GetAsync("haugiang/api/content/hg-du-an-ql61c");
        await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
