using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Portals.Core.Cluster;
using Portals.Search.Http;
using Portals.Testing;

namespace Portals.Web.Tests.Cluster;

/// <summary>
/// Issue 10, "Several nodes": two server processes behind no sticky sessions act as one. Each test uses its own items,
/// so the order of the tests does not matter.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed partial class ClusterTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const string Tenant = "haugiang";

    /// <summary>Content JSON is PascalCase (Orchard Core's), other answers camelCase; the tests name both one way.</summary>
    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public async Task WriteOnA_ShowsInBsWarmApiWithin1s_AndInBsSearchWithin2s()
    {
        var token = await TwoNodes.TokenAsync(nodes.HttpA, Tenant);
        var id = NewId("hien-thi");
        await UpsertAsync(nodes.HttpA, token, ApiTestKit.InvestmentCall(id, "Khu công nghiệp Tân Phú Thạnh"));
        // B reads it twice: the second answer comes from its read cache, which lives 60 s in this cluster.
        Assert.Equal("Khu công nghiệp Tân Phú Thạnh", await PublicTitleAsync(nodes.HttpB, id));
        Assert.Equal("Khu công nghiệp Tân Phú Thạnh", await PublicTitleAsync(nodes.HttpB, id));

        var page = $"/{Tenant}/{await PublicPathAsync(nodes.HttpB, id)}";
        Assert.Contains("Tân Phú Thạnh", await nodes.HttpB.GetStringAsync(page), StringComparison.Ordinal);

        var marker = Marker();
        await UpsertAsync(nodes.HttpA, token, ApiTestKit.InvestmentCall(id, $"Khu công nghiệp {marker}"));

        Assert.True(await PollAsync(async () => await PublicTitleAsync(nodes.HttpB, id) == $"Khu công nghiệp {marker}", TimeSpan.FromSeconds(1)),
            "B still served the old title 1 s after A's write.");
        // The page keeps its path (the path is set once); B's output-cached page turns over on the notification too.
        Assert.True(await PollAsync(async () => (await nodes.HttpB.GetStringAsync(page)).Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(1)),
            "B still served the old page 1 s after A's write.");
        Assert.True(await PollAsync(async () => await SearchHitsAsync(nodes.HttpB, marker, id), TimeSpan.FromSeconds(2)),
            "B's search did not find the new title within 2 s of A's write.");
    }

    [Fact]
    public async Task ListenerConnectionsKilled_NodesReconnect_AndAWriteMeanwhileStillShowsOnB()
    {
        var token = await TwoNodes.TokenAsync(nodes.HttpA, Tenant);
        var id = NewId("noi-lai");
        await UpsertAsync(nodes.HttpA, token, ApiTestKit.InvestmentCall(id, "Khu công nghiệp Sông Hậu"));
        Assert.Equal("Khu công nghiệp Sông Hậu", await PublicTitleAsync(nodes.HttpB, id));
        const string connected = "Listening for other nodes' changes to tenant haugiang.";
        var connectionsBefore = Occurrences(nodes.B.Output, connected);

        Assert.True(await CountAsync("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
            + $"WHERE application_name = '{ChangeNotificationListener.ApplicationName}' AND datname = current_database()") >= 2);
        var marker = Marker();
        await UpsertAsync(nodes.HttpA, token, ApiTestKit.InvestmentCall(id, $"Khu công nghiệp {marker}"));

        // The notification of that write may be lost; the reconnect drops B's cached entries of the tenant instead.
        Assert.True(await PollAsync(async () => await PublicTitleAsync(nodes.HttpB, id) == $"Khu công nghiệp {marker}", TimeSpan.FromSeconds(2)),
            "B still served the old title 2 s after its listener was cut.");
        Assert.True(await PollAsync(() => Task.FromResult(Occurrences(nodes.B.Output, connected) > connectionsBefore), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SixWritersOverBothNodes_OneIfMatch_ExactlyOneSucceeds()
    {
        var token = await TwoNodes.TokenAsync(nodes.HttpA, Tenant);
        var id = NewId("dong-thoi");
        await UpsertAsync(nodes.HttpA, token, ApiTestKit.InvestmentCall(id, "Bản gốc"));
        using var read = await nodes.HttpB.GetAsync($"/{Tenant}/api/content/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!;

        var writers = Enumerable.Range(0, 6).Select(async i =>
        {
            var node = i % 2 == 0 ? nodes.HttpA : nodes.HttpB;
            using var request = TwoNodes.WithToken(new HttpRequestMessage(HttpMethod.Post, $"/{Tenant}/api/content")
            {
                Content = ApiTestKit.Json(ApiTestKit.InvestmentCall(id, $"Bản của người viết {i}")),
            }, token);
            request.Headers.IfMatch.Add(etag);
            using var response = await node.SendAsync(request);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(writers);

        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task DueSchedule_BothNodesRunning_PublishedExactlyOnce()
    {
        var token = await TwoNodes.TokenAsync(nodes.HttpA, Tenant);
        var id = NewId("hen-gio");
        await ScheduleAsync(token, id, DateTime.UtcNow.AddSeconds(2));
        Assert.True(await PollAsync(async () => await PublicTitleAsync(nodes.HttpB, id) is not null, TimeSpan.FromSeconds(30)),
            "The scheduled item was not published.");
        // A later schedule published too means the lease holder ran again after the first publication.
        var later = NewId("hen-gio-sau");
        await ScheduleAsync(token, later, DateTime.UtcNow.AddSeconds(1));
        Assert.True(await PollAsync(async () => await PublicTitleAsync(nodes.HttpA, later) is not null, TimeSpan.FromSeconds(30)));

        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM \"ChangeLog\" WHERE \"ContentItemId\" = '{id}' AND \"Kind\" = 'Published'"));
        const string lease = "This node now publishes the due schedules of tenant haugiang.";
        Assert.Equal(1, new[] { nodes.A.Output, nodes.B.Output }.Count(o => o.Contains(lease, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RebuildStartedOnA_ReportedRunningOnB_BothIndexesEndRebuilt()
    {
        var token = await TwoNodes.TokenAsync(nodes.HttpA, Tenant);
        var started = await RebuildAsync(nodes.HttpA, token, HttpMethod.Post, HttpStatusCode.Accepted);
        Assert.Equal(RebuildState.Running, State(started));
        var generation = started["Generation"]!.GetValue<long>();
        Assert.True(generation > 0);

        // Each batch pauses 4 s on the node running it: B is asked while A's job certainly runs.
        var fromB = await RebuildAsync(nodes.HttpB, token, HttpMethod.Post, HttpStatusCode.Accepted);
        Assert.Equal(started["Id"]!.GetValue<string>(), fromB["Id"]!.GetValue<string>());
        Assert.Equal(RebuildState.Running, State(fromB));
        var polledOnB = await RebuildAsync(nodes.HttpB, token, HttpMethod.Get, HttpStatusCode.OK);
        Assert.Equal(started["Id"]!.GetValue<string>(), polledOnB["Id"]!.GetValue<string>());

        foreach (var node in new[] { nodes.HttpA, nodes.HttpB })
        {
            Assert.True(await PollAsync(async () =>
            {
                var status = await RebuildAsync(node, token, HttpMethod.Get, HttpStatusCode.OK);
                return State(status) == RebuildState.Completed && status["NodeGeneration"]!.GetValue<long>() == generation;
            }, TimeSpan.FromSeconds(40)), "A node's index was not rebuilt for generation " + generation);
        }
        Assert.Contains($"Search rebuild {generation} of haugiang was started on another node", nodes.B.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenIssuedByA_AcceptedByB()
    {
        var token = await TwoNodes.TokenAsync(nodes.HttpA, Tenant);
        using var draft = TwoNodes.WithToken(new HttpRequestMessage(HttpMethod.Post, $"/{Tenant}/api/content?draft=true")
        {
            Content = ApiTestKit.Json(ApiTestKit.InvestmentCall(NewId("the"), "Bản nháp gửi qua nút B")),
        }, token);
        using var response = await nodes.HttpB.SendAsync(draft);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var anonymous = await nodes.HttpB.PostAsync($"/{Tenant}/api/content?draft=true", ApiTestKit.Json(ApiTestKit.InvestmentCall(NewId("the"))));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task AdminCookieIssuedByA_AcceptedByB()
    {
        // One cookie jar for both: cookies ignore ports, as a browser behind a load balancer sees one host.
        var cookies = new CookieContainer();
        using var a = Browser(nodes.HttpA.BaseAddress!, cookies);
        using var b = Browser(nodes.HttpB.BaseAddress!, cookies);
        using (var loginPage = await a.GetAsync($"/{Tenant}/admin/login"))
        {
            var token = TokenPattern().Match(await loginPage.Content.ReadAsStringAsync()).Groups[1].Value;
            using var signIn = await a.PostAsync($"/{Tenant}/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "admin",
                ["Input.Password"] = PortalsFactory.AdminPassword,
                ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var home = await b.GetAsync($"/{Tenant}/admin");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // The search index page's progress, polled through B, reads the cluster's job from the database.
        using var status = await b.GetAsync($"/{Tenant}/admin/searchindex?handler=Status");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        using var stranger = Browser(nodes.HttpB.BaseAddress!, new CookieContainer());
        using var refused = await stranger.GetAsync($"/{Tenant}/admin");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static RebuildState State(JsonObject status) => (RebuildState)status["State"]!.GetValue<int>();

    private static HttpClient Browser(Uri baseAddress, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    private static string NewId(string label) => $"hg-cum-{label}-{Guid.NewGuid():n}"[..40];

    /// <summary>A word no seed text holds: letters only, so the analyzer keeps it whole.</summary>
    private static string Marker() => "cum" + new string([.. Guid.NewGuid().ToString("n")[..10].Select(c => (char)('a' + (c % 16)))]);

    private static async Task UpsertAsync(HttpClient node, string token, JsonObject item, bool draft = false)
    {
        using var request = TwoNodes.WithToken(new HttpRequestMessage(HttpMethod.Post, $"/{Tenant}/api/content{(draft ? "?draft=true" : "")}")
        {
            Content = ApiTestKit.Json(item),
        }, token);
        using var response = await node.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task ScheduleAsync(string token, string id, DateTime dueUtc)
    {
        var item = ApiTestKit.InvestmentCall(id, "Dự án hẹn giờ xuất bản");
        item["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = dueUtc.ToString("O") };
        return UpsertAsync(nodes.HttpA, token, item, draft: true);
    }

    /// <summary>The public title of the item, or null while it is not published.</summary>
    private static async Task<string?> PublicTitleAsync(HttpClient node, string id)
    {
        using var response = await node.GetAsync($"/{Tenant}/api/content/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["TitlePart"]?["Title"]?.GetValue<string>();
    }

    private static async Task<string> PublicPathAsync(HttpClient node, string id) =>
        JsonNode.Parse(await node.GetStringAsync($"/{Tenant}/api/content/{id}"))!["AutoroutePart"]!["Path"]!.GetValue<string>();

    private static async Task<bool> SearchHitsAsync(HttpClient node, string query, string id)
    {
        var body = JsonNode.Parse(await node.GetStringAsync($"/api/search?q={query}&tenant={Tenant}"), CaseInsensitive)!;
        return body["Items"]!.AsArray().Any(i => i!["ContentItemId"]!.GetValue<string>() == id);
    }

    private static async Task<JsonObject> RebuildAsync(HttpClient node, string token, HttpMethod method, HttpStatusCode expected)
    {
        using var request = TwoNodes.WithToken(new HttpRequestMessage(method, $"/{Tenant}/api/search/rebuild"), token);
        using var response = await node.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return (JsonObject)JsonNode.Parse(body, CaseInsensitive)!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(nodes.TenantConnectionString(Tenant));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the deadline passes; never a sleep as synchronisation.</summary>
    private static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        for (var until = DateTime.UtcNow + deadline; ; await Task.Delay(25))
        {
            if (await condition())
            {
                return true;
            }
            if (DateTime.UtcNow >= until)
            {
                return false;
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
