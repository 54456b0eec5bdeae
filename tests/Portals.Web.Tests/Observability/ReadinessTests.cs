using System.Net;
using System.Text.Json.Nodes;
using Portals.Core.Tenants;
using Portals.Testing;

namespace Portals.Web.Tests.Observability;

/// <summary>Issue 10: <c>/health/live</c> and <c>/health/ready</c>, what a load balancer probes.</summary>
public sealed class ReadinessTests(PausableIndexFactory factory) : IClassFixture<PausableIndexFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task Live_Answers200()
    {
        var body = await factory.CreateClient().GetStringAsync("/health/live");

        Assert.Equal("Live", JsonNode.Parse(body)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Probes_BeyondTheAnonymousBudget_StillAnswer()
    {
        using var client = factory.CreateClient();
        var health = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            health.Add((await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/health/ready")).StatusCode);
        }

        // The budget is real: the same address is refused /health meanwhile.
        Assert.Contains(HttpStatusCode.TooManyRequests, health);
    }

    [Fact]
    public async Task Ready_RunningHost_200WithEveryTenantCaughtUp()
    {
        var ready = await WaitForAsync(HttpStatusCode.OK);

        Assert.Equal("Ready", ready["status"]!.GetValue<string>());
        foreach (var tenant in new[] { "haugiang", "cantho" })
        {
            var figures = ready["tenants"]![tenant]!;
            Assert.Equal("Running", figures["state"]!.GetValue<string>());
            Assert.True(figures["databaseReachable"]!.GetValue<bool>());
            Assert.Equal(0, figures["pendingMigrations"]!.GetValue<int>());
            Assert.InRange(figures["indexLag"]!.GetValue<long>(), 0, PausableIndexFactory.MaxIndexLag);
        }
    }

    [Fact]
    public async Task Ready_TenantSettingUp_503NamingIt()
    {
        await WaitForAsync(HttpStatusCode.OK);
        var states = factory.Service<TenantStates>();
        states.Set("cantho", TenantState.SettingUp);
        try
        {
            using var response = await factory.CreateClient().GetAsync("/health/ready");
            var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);

            Assert.Equal("cantho: setting up", problem["detail"]!.GetValue<string>());
            Assert.Equal("SettingUp", problem["tenants"]!["cantho"]!["state"]!.GetValue<string>());
            Assert.Empty(problem["tenants"]!["haugiang"]!["problems"]!.AsArray());
        }
        finally
        {
            states.Set("cantho", TenantState.Running);
        }
    }

    [Fact]
    public async Task Ready_IndexLagsPastMax_503UntilItCatchesUp()
    {
        await WaitForAsync(HttpStatusCode.OK);
        factory.Index.Paused = "cantho";
        try
        {
            for (var i = 0; i <= PausableIndexFactory.MaxIndexLag; i++)
            {
                await _kit.UpsertAsync(ApiTestKit.InvestmentCall($"ct-do-tre-{i}", $"Khu công nghiệp chờ chỉ mục {i}"), "cantho");
            }

            var problem = await WaitForAsync(HttpStatusCode.ServiceUnavailable);
            Assert.StartsWith("cantho: search index ", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(problem["tenants"]!["cantho"]!["indexLag"]!.GetValue<long>() > PausableIndexFactory.MaxIndexLag);
        }
        finally
        {
            factory.Index.Paused = null;
        }

        var ready = await WaitForAsync(HttpStatusCode.OK);
        Assert.InRange(ready["tenants"]!["cantho"]!["indexLag"]!.GetValue<long>(), 0, PausableIndexFactory.MaxIndexLag);
    }

    /// <summary>Polls until the probe answers <paramref name="status"/>, with a deadline; returns its JSON body.</summary>
    private async Task<JsonNode> WaitForAsync(HttpStatusCode status)
    {
        using var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == status)
            {
                return JsonNode.Parse(body)!;
            }
            Assert.True(DateTime.UtcNow < deadline, $"/health/ready stayed {(int)response.StatusCode}: {body}");
            await Task.Delay(100);
        }
    }
}
