using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Portals.Core.Telemetry;
using Portals.Core.Tenants;
using Portals.Testing;

namespace Portals.Web.Tests.Observability;

/// <summary>Issue 10: metrics at <c>/metrics</c>, request spans with store spans under them, logs carrying tenant and trace.</summary>
public sealed partial class TelemetryTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task Metrics_AfterRequests_HoldRouteAndTenantDurationsStoreTransactionsLagAndSearchLatency()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-do-dac", "Khu công nghiệp đo đạc"));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/haugiang/api/content/hg-do-dac")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=do%20dac&tenant=haugiang")).StatusCode);

        string[][] expected =
        [
            ["http_server_request_duration_seconds_count", "http_route=\"/{tenant:tenant}/api/content/{contentItemId}\"", "portals_tenant=\"haugiang\"", "http_response_status_code=\"200\""],
            ["portals_store_transaction_duration_seconds_count", "portals_tenant=\"haugiang\"", "portals_outcome=\"commit\""],
            ["portals_search_lag", "portals_tenant=\"haugiang\""],
            ["portals_search_lag", "portals_tenant=\"cantho\""],
            ["portals_search_documents", "portals_tenant=\"haugiang\""],
            ["portals_search_duration_seconds_count", "portals_search_operation=\"search\"", "portals_tenant=\"haugiang\""],
        ];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var scrape = await client.GetStringAsync("/metrics");
            var missing = expected.Where(series => !HasSeries(scrape, series[0], series[1..])).Select(s => string.Join(' ', s)).ToList();
            if (missing.Count == 0)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "Missing from /metrics: " + string.Join("; ", missing) + "\n" + scrape);
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Traces_AWrite_IsARequestSpanWithAStoreTransactionSpanUnderIt()
    {
        var trace = ActivityTraceId.CreateRandom();
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var request = new HttpRequestMessage(HttpMethod.Post, "haugiang/api/content") { Content = ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-dau-vet", "Khu công nghiệp dấu vết")) };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var spans = factory.SpansSoFar().Where(s => s.TraceId == trace).ToList();
            var server = spans.FirstOrDefault(s => s.Kind == ActivityKind.Server);
            var store = spans.FirstOrDefault(s => s.Source.Name == StoreTelemetry.Name);
            if (server is not null && store is not null)
            {
                Assert.StartsWith("/{tenant:tenant}/api/content", server.GetTagItem("http.route") as string, StringComparison.Ordinal);
                Assert.Equal(server.SpanId, store.ParentSpanId);
                Assert.Equal("haugiang", store.GetTagItem(PortalsTags.Tenant));
                Assert.Equal("commit", store.GetTagItem(PortalsTags.Outcome));
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Spans of the trace: {string.Join(", ", spans.Select(s => $"{s.Source.Name}/{s.DisplayName}"))}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Logs_ALineInsideATenantRequest_CarriesTheTenantAndTheTraceIdOfItsProblem()
    {
        // A token of Hậu Giang shown to Cần Thơ: the API logs the refusal and answers a 401 problem.
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _kit.TokenAsync("haugiang"));
        using var response = await client.GetAsync("/cantho/api/content?type=InvestmentCall");
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        var traceId = TraceParent().Match(problem["traceId"]!.GetValue<string>()).Groups["trace"].Value;
        Assert.Equal(32, traceId.Length);

        var line = Assert.Single(factory.Logs.Lines, l => l.Message.Contains("presented to tenant cantho", StringComparison.Ordinal)
            && Equals(l.Scope.GetValueOrDefault("TraceId")?.ToString(), traceId));
        Assert.Equal("cantho", line.Scope[TenantLogScope.Key]);
        Assert.Matches("^[0-9a-f]{16}$", line.Scope["SpanId"]?.ToString() ?? "");
    }

    /// <summary>A series of <paramref name="metric"/> whose labels include every one of <paramref name="labels"/>.</summary>
    private static bool HasSeries(string scrape, string metric, string[] labels) =>
        scrape.Split('\n').Any(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)));

    [GeneratedRegex("^00-(?<trace>[0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex TraceParent();
}
