using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>
/// Issue 12: the documents describe exactly what goes over the wire. Real responses (and request bodies) are checked
/// against the very schema the served document declares for them, with a JSON Schema 2020-12 validator.
/// </summary>
public sealed partial class ResponseSchemaTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private const string Json = "application/json";
    private const string Problem = "application/problem+json";
    private readonly ApiTestKit _kit = new(factory);

    [Theory]
    [InlineData("haugiang")]
    [InlineData("cantho")]
    public async Task EveryPublishedItem_MatchesTheListAndItemSchemas(string tenant)
    {
        var document = await DocumentAsync(tenant);
        using var client = _kit.Client();
        var types = new Dictionary<string, string>();
        for (var page = 1; ; page++)
        {
            var body = await GetAsync(client, $"{tenant}/api/content?pageSize=100&page={page}");
            document.AssertResponse("/api/content", "get", 200, Json, body);
            var list = JsonNode.Parse(body)!;
            foreach (var item in list["items"]!.AsArray())
            {
                types.TryAdd(item!["ContentType"]!.GetValue<string>(), item["ContentItemId"]!.GetValue<string>());
            }
            if (list["next"] is null)
            {
                break;
            }
        }
        Assert.True(types.Count >= 3, $"the seed holds few types: {string.Join(", ", types.Keys)}");
        foreach (var (_, id) in types)
        {
            document.AssertResponse("/api/content/{contentItemId}", "get", 200, Json, await GetAsync(client, $"{tenant}/api/content/{id}"));
        }
    }

    [Fact]
    public async Task ItemsWithEveryFieldKind_WrittenAndRead_MatchTheirSchemas()
    {
        var document = await DocumentAsync("haugiang");
        using var writer = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var reader = _kit.Client();
        var call = ApiTestKit.InvestmentCall("hg-hop-dong-day-du", "Khu công nghiệp đủ trường");
        var fields = call["InvestmentCall"]!.AsObject();
        fields["TotalCapitalBillionVnd"] = new JsonObject { ["Value"] = 1500.25 };
        fields["InvestmentForm"] = new JsonObject { ["Text"] = null };
        fields["Incentives"] = new JsonObject { ["Html"] = "<p>Miễn tiền thuê đất</p>" };
        fields["Deadline"] = new JsonObject { ["Value"] = "2026-12-31T00:00:00Z" };
        fields["Documents"] = new JsonObject { ["Paths"] = new JsonArray("/media/ho-so.pdf"), ["MediaTexts"] = new JsonArray("Hồ sơ") };
        var investmentEvent = new JsonObject
        {
            ["ContentItemId"] = "hg-su-kien-day-du",
            ["ContentType"] = "InvestmentEvent",
            ["TitlePart"] = new JsonObject { ["Title"] = "Hội nghị xúc tiến đủ trường" },
            ["InvestmentEvent"] = new JsonObject
            {
                ["StartDate"] = new JsonObject { ["Value"] = "2026-03-05T09:00:00+07:00" },
                ["EndDate"] = new JsonObject { ["Value"] = "2026-03-06" },
                ["Scope"] = new JsonObject { ["Text"] = "lien-tinh" },
                ["RegistrationLink"] = new JsonObject { ["Url"] = "https://example.org/dang-ky", ["Text"] = "Đăng ký" },
            },
        };
        var news = new JsonObject
        {
            ["ContentType"] = "NewsArticle",
            ["TitlePart"] = new JsonObject { ["Title"] = "Tin có liên kết" },
            ["NewsArticle"] = new JsonObject { ["RelatedItems"] = new JsonObject { ["ContentItemIds"] = new JsonArray("hg-hop-dong-day-du") } },
        };

        foreach (var item in new[] { call, investmentEvent, news })
        {
            // The event's EndDate is a date alone: accepted (liberal input), though the schema asks for a date-time.
            if (item != investmentEvent)
            {
                var request = document.Operation("/api/content", "post")["requestBody"]!["content"]![Json]!["schema"]!;
                document.AssertValid(request, item, "the request body");
            }
            using var posted = await writer.PostAsync("haugiang/api/content", ApiTestKit.Json(item));
            var body = await posted.Content.ReadAsStringAsync();
            Assert.True(posted.StatusCode == HttpStatusCode.OK, body);
            document.AssertResponse("/api/content", "post", 200, Json, body);
            var saved = JsonNode.Parse(body)!;
            document.AssertResponse("/api/content/{contentItemId}", "get", 200, Json, await GetAsync(reader, $"haugiang/api/content/{saved["ContentItemId"]}"));
            var path = Uri.EscapeDataString(saved["AutoroutePart"]!["Path"]!.GetValue<string>());
            document.AssertResponse("/api/content/by-path", "get", 200, Json, await GetAsync(reader, $"haugiang/api/content/by-path?path={path}"));
        }

        // Dates are sent in one form, the date-time the schema promises.
        var read = JsonNode.Parse(await GetAsync(reader, "haugiang/api/content/hg-su-kien-day-du"))!;
        Assert.Equal("2026-03-05T02:00:00.0000000Z", read["InvestmentEvent"]!["StartDate"]!["Value"]!.GetValue<string>());
        Assert.Equal("2026-03-06T00:00:00.0000000Z", read["InvestmentEvent"]!["EndDate"]!["Value"]!.GetValue<string>());

        // A draft, as a previewing client reads it (never published: PublishedUtc is null).
        using var draft = await writer.PostAsync("haugiang/api/content?draft=true", ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-hop-dong-nhap", "Bản nháp hợp đồng")));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var latest = await GetAsync(writer, "haugiang/api/content/hg-hop-dong-nhap?version=latest");
        Assert.Null(JsonNode.Parse(latest)!["PublishedUtc"]);
        document.AssertResponse("/api/content/{contentItemId}", "get", 200, Json, latest);
    }

    [Fact]
    public async Task ReferenceData_MatchesItsSchemas()
    {
        var document = await DocumentAsync("haugiang");
        using var client = _kit.Client();
        document.AssertResponse("/api/content-types", "get", 200, Json, await GetAsync(client, "haugiang/api/content-types"));
        document.AssertResponse("/api/taxonomies/sectors", "get", 200, Json, await GetAsync(client, "haugiang/api/taxonomies/sectors"));
    }

    [Fact]
    public async Task TokenEndpoint_MatchesItsSchemas()
    {
        var document = await DocumentAsync("haugiang");
        using var client = _kit.Client();
        using var ok = await client.PostAsync("haugiang/connect/token", Form(PortalsFactory.ApiClientSecret));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        document.AssertResponse("/connect/token", "post", 200, Json, await ok.Content.ReadAsStringAsync());
        using var refused = await client.PostAsync("haugiang/connect/token", Form("khong-dung"));
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, refused.StatusCode.ToString());
        document.AssertResponse("/connect/token", "post", (int)refused.StatusCode, Json, await refused.Content.ReadAsStringAsync());
    }

    private async Task<ContractDocument> DocumentAsync(string tenant) =>
        await ContractDocument.FetchAsync(_kit.Client(), $"{tenant}/openapi/v1.json");

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static FormUrlEncodedContent Form(string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = Portals.Core.Security.ApiClientSetup.CliClientId,
        ["client_secret"] = secret,
    });
}
