using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>
/// Issue 12: liberal in what the API accepts, exact in what it sends. A client built from the old camelCase document
/// (<c>contentItemId</c>, <c>contentType</c>, …) keeps working; responses stay Orchard Core's PascalCase.
/// </summary>
public sealed class InputNamesTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task Upsert_CamelCaseNames_AreStoredAndSentInPascalCase()
    {
        using var writer = await _kit.ClientAsAsync(Caller.OwnTenant);
        var camel = new JsonObject
        {
            ["contentItemId"] = "hg-camel-case",
            ["contentType"] = "InvestmentCall",
            ["displayText"] = "bỏ qua",
            ["titlePart"] = new JsonObject { ["title"] = "Dự án gửi theo tài liệu cũ" },
            ["investmentCall"] = new JsonObject
            {
                ["sector"] = new JsonObject { ["termContentItemIds"] = new JsonArray("sector-giao-thong") },
                ["location"] = new JsonObject { ["text"] = "Vị Thanh, Hậu Giang" },
                ["status"] = new JsonObject { ["TEXT"] = "dang-keu-goi" },
                ["areaHa"] = new JsonObject { ["value"] = 12.5 },
            },
        };
        using var response = await writer.PostAsync("haugiang/api/content", ApiTestKit.Json(camel));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        using var reader = _kit.Client();
        var read = JsonNode.Parse(await reader.GetStringAsync("haugiang/api/content/hg-camel-case"))!.AsObject();
        Assert.Equal("hg-camel-case", read["ContentItemId"]!.GetValue<string>());
        Assert.Equal("InvestmentCall", read["ContentType"]!.GetValue<string>());
        Assert.Equal("Dự án gửi theo tài liệu cũ", read["DisplayText"]!.GetValue<string>());
        Assert.Equal("Dự án gửi theo tài liệu cũ", read["TitlePart"]!["Title"]!.GetValue<string>());
        var part = read["InvestmentCall"]!.AsObject();
        Assert.Equal("Vị Thanh, Hậu Giang", part["Location"]!["Text"]!.GetValue<string>());
        Assert.Equal("dang-keu-goi", part["Status"]!["Text"]!.GetValue<string>());
        Assert.Equal(12.5m, part["AreaHa"]!["Value"]!.GetValue<decimal>());
        Assert.Equal(["sector-giao-thong"], part["Sector"]!["TermContentItemIds"]!.AsArray().Select(t => t!.GetValue<string>()));
        // Nothing kept under the sent spelling.
        Assert.DoesNotContain(read, p => char.IsLower(p.Key[0]));
        Assert.DoesNotContain(part, p => char.IsLower(p.Key[0]));

        // An update in camelCase merges into the same members.
        using var update = await writer.PostAsync("haugiang/api/content", ApiTestKit.Json(new JsonObject
        {
            ["CONTENTITEMID"] = "hg-camel-case",
            ["investmentcall"] = new JsonObject { ["status"] = new JsonObject { ["text"] = "het-han" } },
        }));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var updated = JsonNode.Parse(await update.Content.ReadAsStringAsync())!;
        Assert.Equal("het-han", updated["InvestmentCall"]!["Status"]!["Text"]!.GetValue<string>());
        Assert.Equal("Vị Thanh, Hậu Giang", updated["InvestmentCall"]!["Location"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upsert_OneNameInTwoCases_IsA400NamingIt()
    {
        using var writer = await _kit.ClientAsAsync(Caller.OwnTenant);
        var item = ApiTestKit.InvestmentCall("hg-hai-cach-viet");
        item["contentType"] = "KeyProject";
        using var response = await writer.PostAsync("haugiang/api/content", ApiTestKit.Json(item));
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["ContentType"]);
        using var reader = _kit.Client();
        using var missing = await reader.GetAsync("haugiang/api/content/hg-hai-cach-viet");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("haugiang/api/content/by-path?path=dau-tu-giai-doan-2-duong-noi-vi-thanh-can-tho-quoc-lo-61c")]
    [InlineData("haugiang/api/content/by-path/dau-tu-giai-doan-2-duong-noi-vi-thanh-can-tho-quoc-lo-61c")]
    public async Task ByPath_QueryForm_AndTheFirstForm_ReadTheSameItem(string url)
    {
        using var client = _kit.Client();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hg-du-an-ql61c", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["ContentItemId"]!.GetValue<string>());
    }
}
