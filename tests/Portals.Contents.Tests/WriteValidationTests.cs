using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>
/// The review's requests against the write path: each is refused with a 400 naming the field, or stored harmless.
/// The rules live in the store's save, so recipes and the admin form get them too.
/// </summary>
public sealed class WriteValidationTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Theory]
    [InlineData("a40000", "không hợp lệ")]
    [InlineData("sector-khong-ton-tai", "không có trong danh mục")]
    public async Task Upsert_BadSectorTerm_400NamingField(string term, string message)
    {
        var item = News("hg-tin-sector-xau", "Tin có lĩnh vực xấu");
        item["NewsArticle"]!["Sector"] = new JsonObject { ["TermContentItemIds"] = new JsonArray(term == "a40000" ? new string('a', 40_000) : term) };
        var problem = await PostAsync(item, HttpStatusCode.BadRequest);
        Assert.Contains(message, Error(problem, "NewsArticle.Sector"), StringComparison.Ordinal);
        await AssertNotStoredAsync("hg-tin-sector-xau");
    }

    [Fact]
    public async Task Upsert_InvalidRelatedItemId_400NamingField()
    {
        var item = News("hg-tin-lien-quan-xau", "Tin có liên quan xấu");
        item["NewsArticle"]!["RelatedItems"] = new JsonObject { ["ContentItemIds"] = new JsonArray("hg-du-an-ql61c", "../../etc/passwd") };
        var problem = await PostAsync(item, HttpStatusCode.BadRequest);
        Assert.Contains("mã thứ 2", Error(problem, "NewsArticle.RelatedItems"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ScriptsInHtmlBodyAndHtmlField_StoredAndServedSanitized()
    {
        var item = ApiTestKit.InvestmentCall("hg-kcn-xss");
        item["HtmlBodyPart"] = new JsonObject { ["Html"] = "<h2>Giới thiệu</h2><script>alert(document.cookie)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">bấm</a>" };
        item["InvestmentCall"]!["Incentives"] = new JsonObject { ["Html"] = "<p onmouseover=\"alert(3)\">Miễn thuế</p><iframe src=\"https://evil.example\"></iframe>" };
        await PostAsync(item, HttpStatusCode.OK);

        using var anonymous = _kit.Client();
        var served = await anonymous.GetStringAsync("haugiang/api/content/hg-kcn-xss");
        var json = JsonNode.Parse(served)!;
        var body = json["HtmlBodyPart"]!["Html"]!.GetValue<string>();
        var incentives = json["InvestmentCall"]!["Incentives"]!["Html"]!.GetValue<string>();
        Assert.StartsWith("<h2>Giới thiệu</h2>", body, StringComparison.Ordinal);
        Assert.Equal("<p>Miễn thuế</p>", incentives);
        foreach (var hostile in new[] { "script", "onerror", "javascript", "onmouseover", "iframe", "alert" })
        {
            Assert.DoesNotContain(hostile, served, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    public async Task Upsert_LinkFieldWithUnsafeScheme_400NamingField(string url)
    {
        var item = new JsonObject
        {
            ["ContentItemId"] = "hg-su-kien-link",
            ["ContentType"] = "InvestmentEvent",
            ["TitlePart"] = new JsonObject { ["Title"] = "Hội nghị xúc tiến đầu tư" },
            ["InvestmentEvent"] = new JsonObject
            {
                ["StartDate"] = new JsonObject { ["Value"] = "2025-05-20T08:00:00Z" },
                ["RegistrationLink"] = new JsonObject { ["Url"] = url, ["Text"] = "Đăng ký" },
            },
        };
        var problem = await PostAsync(item, HttpStatusCode.BadRequest);
        Assert.Contains("http, https, mailto, tel", Error(problem, "InvestmentEvent.RegistrationLink"), StringComparison.Ordinal);
        await AssertNotStoredAsync("hg-su-kien-link");
    }

    [Theory]
    [InlineData("NewsArticle.Summary", "\u0001")]
    [InlineData("TitlePart.Title", "\u0000")]
    public async Task Upsert_ControlCharacter_400NamingFieldAndFeedUnaffected(string key, string control)
    {
        var item = News("hg-tin-ky-tu-la", "Tin có ký tự lạ");
        if (key == "TitlePart.Title")
        {
            item["TitlePart"]!["Title"] = "Tin có" + control + " ký tự lạ";
        }
        else
        {
            item["NewsArticle"]!["Summary"]!["Text"] = "Tóm tắt" + control;
        }
        var problem = await PostAsync(item, HttpStatusCode.BadRequest);
        Assert.Contains("ký tự điều khiển", Error(problem, key), StringComparison.Ordinal);
        await AssertNotStoredAsync("hg-tin-ky-tu-la");
        using var anonymous = _kit.Client();
        using var feed = await anonymous.GetAsync("haugiang/feeds/news.rss");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    /// <summary>The review's exact body, merged into the seeded programme: the sibling rule used to convert 1e400 and fail.</summary>
    [Fact]
    public async Task Upsert_HugeNumberInSiblingOfOrderedField_400NamingField()
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(
            """{"ContentItemId":"hg-chuong-trinh-2021-2025","CooperationProgram":{"StartYear":{"Value":1e400},"EndYear":{"Value":2025}}}"""));
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("số hợp lệ", Error(problem, "CooperationProgram.StartYear"), StringComparison.Ordinal);
    }

    private static JsonObject News(string id, string title) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "NewsArticle",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["NewsArticle"] = new JsonObject { ["Summary"] = new JsonObject { ["Text"] = "Tóm tắt." } },
    };

    private static string Error(JsonObject problem, string key) =>
        problem["errors"]?[key]?[0]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No error for '{key}': {problem.ToJsonString()}");

    private async Task<JsonObject> PostAsync(JsonObject item, HttpStatusCode expected)
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(item));
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
        return await ApiTestKit.ReadProblemAsync(response, expected);
    }

    private async Task AssertNotStoredAsync(string id)
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.GetAsync($"haugiang/api/content/{id}?version=latest");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
