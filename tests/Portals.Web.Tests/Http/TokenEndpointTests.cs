using System.Net;
using System.Text.Json;
using Portals.Testing;

namespace Portals.Web.Tests.Http;

/// <summary>Three token requests a minute per address and tenant. Each test uses its own tenant, so budgets never mix.</summary>
public sealed class TokenLimitsFactory : PortalsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Portals:Api:TokenRequestsPerMinute", "3")];
}

/// <summary>Issue 7, defects 5 and 12: the token endpoint is rate limited, failures included; a trailing slash is no 500.</summary>
public sealed class TokenEndpointTests(TokenLimitsFactory factory) : IClassFixture<TokenLimitsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task FailedTokenRequests_AreRateLimited_ThenEvenTheRightSecretWaits()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var failed = await RequestAsync("cantho/connect/token", "portals-cli", "doan-sai-" + i);
            statuses.Add(failed.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);

        using var right = await RequestAsync("cantho/connect/token", "portals-cli", PortalsFactory.ApiClientSecret);
        await ApiTestKit.ReadProblemAsync(right, HttpStatusCode.TooManyRequests);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task TrailingSlash_IsTheSameTokenEndpoint()
    {
        using var issued = await RequestAsync("haugiang/connect/token/", "portals-cli", PortalsFactory.ApiClientSecret);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("Bearer", JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token_type").GetString());

        using var rejected = await RequestAsync("haugiang/connect/token/", "portals-cli", "sai");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("invalid_client", JsonDocument.Parse(await rejected.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    private Task<HttpResponseMessage> RequestAsync(string url, string clientId, string secret) =>
        _kit.Client().PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
}
