using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Every bad request is a 400 problem that names what is wrong, and nothing is partly saved.</summary>
public sealed class BadInputTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{\"ContentType\": \"InvestmentCall\",", "Malformed JSON" },
        { "[1, 2, 3]", "JSON object" },
        { "\"text\"", "JSON object" },
        { "", "empty" },
        { "{\"ContentItemId\": 42, \"ContentType\": \"InvestmentCall\"}", "ContentItemId" },
        { "{\"ContentItemId\": \"hg-bad\", \"ContentType\": \"KhongCo\", \"TitlePart\": {\"Title\": \"x\"}}", "ContentType" },
        { "{\"ContentItemId\": \"hg-bad\", \"TitlePart\": {\"Title\": \"x\"}}", "ContentType" },
        { "{\"ContentItemId\": \"id with spaces\", \"ContentType\": \"InvestmentCall\"}", "id" },
        { "{\"ContentItemId\": \"hg-bad\", \"ContentType\": \"InvestmentCall\", \"Published\": \"yes\"}", "Published" },
        { "{\"ContentItemId\": \"hg-bad\", \"ContentType\": \"InvestmentCall\", \"TitlePart\": {\"Title\": 5}}", "TitlePart.Title" },
        { "{\"ContentItemId\": \"hg-bad\", \"ContentType\": \"InvestmentCall\", \"TitlePart\": \"x\"}", "TitlePart" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Upsert_BadBody_Gets400ProblemNamingTheIssue(string body, string mentions)
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(body));
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(mentions, problem.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.OrdinalIgnoreCase);
        using var saved = await client.GetAsync("haugiang/api/content/hg-bad?version=latest");
        Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
    }

    [Fact]
    public async Task Upsert_WrongFieldTypes_Gets400WithEachFieldError()
    {
        var item = ApiTestKit.InvestmentCall("hg-bad-fields");
        item["InvestmentCall"]!["AreaHa"] = new JsonObject { ["Value"] = "nhiều" };
        item["InvestmentCall"]!["Sector"] = new JsonObject { ["TermContentItemIds"] = "sector-y-te" };
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(item));
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["InvestmentCall.AreaHa"]);
        Assert.NotNull(problem["errors"]!["InvestmentCall.Sector"]);
        using var saved = await client.GetAsync("haugiang/api/content/hg-bad-fields?version=latest");
        Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
    }

    [Fact]
    public async Task Upsert_BodyOverLimit_Gets400()
    {
        var item = ApiTestKit.InvestmentCall("hg-too-big");
        item["HtmlBodyPart"] = new JsonObject { ["Html"] = new string('x', 1024 * 1024 + 10) };
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(item));
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("1048576", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_BodyJustUnderLimit_IsAccepted()
    {
        var item = ApiTestKit.InvestmentCall("hg-big-ok");
        item["HtmlBodyPart"] = new JsonObject { ["Html"] = new string('x', 1000 * 1000) };
        await _kit.UpsertAsync(item);
    }

    [Theory]
    [InlineData("haugiang/api/content?page=0")]
    [InlineData("haugiang/api/content?page=-1")]
    [InlineData("haugiang/api/content?page=abc")]
    [InlineData("haugiang/api/content?page=99999999999")]
    [InlineData("haugiang/api/content?pageSize=101")]
    [InlineData("haugiang/api/content?pageSize=0")]
    [InlineData("haugiang/api/content?sort=popularity")]
    [InlineData("haugiang/api/content?publishedAfter=yesterday")]
    [InlineData("haugiang/api/content?type=KhongCo")]
    [InlineData("haugiang/api/content?type=bad%20type")]
    [InlineData("haugiang/api/content?sector=bad%20sector")]
    public async Task List_InvalidParameter_Gets400ValidationProblem(string url)
    {
        using var client = _kit.Client();
        using var response = await client.GetAsync(url);
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!.AsObject());
    }

    [Theory]
    [InlineData("GET", "haugiang/api/content/bad%20id")]
    [InlineData("GET", "haugiang/api/content/" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("POST", "haugiang/api/content/bad%20id/publish")]
    [InlineData("DELETE", "haugiang/api/content/bad%20id")]
    [InlineData("GET", "haugiang/api/content/hg-du-an-ql61c?version=yesterday")]
    public async Task Route_InvalidIdOrVersion_Gets400(string method, string url)
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownTenant_Gets404Problem()
    {
        using var client = _kit.Client();
        using var response = await client.GetAsync("vinhlong/api/content/x");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
