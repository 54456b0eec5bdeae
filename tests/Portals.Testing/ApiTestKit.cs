using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portals.Core.Security;
using Xunit;

namespace Portals.Testing;

/// <summary>The four callers every route is tried with.</summary>
public enum Caller
{
    Anonymous,
    OwnTenant,
    OtherTenant,
    NoPermission,
}

/// <summary>Tokens, clients and request helpers over one <see cref="PortalsFactory"/>.</summary>
public sealed class ApiTestKit(PortalsFactory factory)
{
    public const string ReaderClient = "reader";
    public const string AuthorClient = "author";
    public const string ClientSecret = "test-client-secret-123";
    private static readonly ConcurrentDictionary<string, Task<string>> Tokens = new();

    public PortalsFactory Factory => factory;

    public HttpClient Client(string? host = null) => factory.CreateClient(new() { BaseAddress = new Uri($"http://{host ?? "localhost"}/") });

    /// <summary>A token of <paramref name="tenant"/>; reader and author clients are created on first use (roles Anonymous, Author).</summary>
    public Task<string> TokenAsync(string tenant, string clientId = ApiClientSetup.CliClientId) =>
        Tokens.GetOrAdd($"{factory.DataPath}|{tenant}|{clientId}", _ => FetchTokenAsync(tenant, clientId));

    public async Task<HttpClient> ClientAsAsync(Caller caller, string tenant = "haugiang")
    {
        var client = Client();
        var other = tenant == "haugiang" ? "cantho" : "haugiang";
        var token = caller switch
        {
            Caller.OwnTenant => await TokenAsync(tenant),
            Caller.OtherTenant => await TokenAsync(other),
            Caller.NoPermission => await TokenAsync(tenant, ReaderClient),
            _ => null,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    /// <summary>A valid investment call; every required field is set.</summary>
    public static JsonObject InvestmentCall(string id, string title = "Khu công nghiệp Sông Hậu") => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "InvestmentCall",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["InvestmentCall"] = new JsonObject
        {
            ["Summary"] = new JsonObject { ["Text"] = "Kêu gọi đầu tư hạ tầng khu công nghiệp." },
            ["Sector"] = new JsonObject { ["TermContentItemIds"] = new JsonArray("sector-giao-thong") },
            ["Location"] = new JsonObject { ["Text"] = "Châu Thành, Hậu Giang" },
            ["Status"] = new JsonObject { ["Text"] = "dang-keu-goi" },
            ["AreaHa"] = new JsonObject { ["Value"] = 120 },
        },
    };

    public async Task<JsonObject> UpsertAsync(JsonObject item, string tenant = "haugiang", bool draft = false)
    {
        using var client = await ClientAsAsync(Caller.OwnTenant, tenant);
        using var response = await client.PostAsync($"{tenant}/api/content{(draft ? "?draft=true" : "")}", Json(item));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        return problem;
    }

    private async Task<string> FetchTokenAsync(string tenant, string clientId)
    {
        var secret = PortalsFactory.ApiClientSecret;
        if (clientId != ApiClientSetup.CliClientId)
        {
            secret = ClientSecret;
            var clients = factory.Service<ApiClients>();
            var context = factory.Tenant(tenant);
            if (!await clients.ExistsAsync(context, clientId, default))
            {
                await clients.CreateWithSecretAsync(context, clientId, secret, [clientId == AuthorClient ? "Author" : "Anonymous"], default);
            }
        }
        using var client = Client();
        using var response = await client.PostAsync($"{tenant}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
