using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Orchard Core's upsert: objects merge recursively, arrays replace, nulls are ignored, a given new id is kept.</summary>
public sealed class UpsertMergeTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task Upsert_NewIdGiven_CreatesItemWithThatId()
    {
        var created = await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-chosen-id"));
        Assert.Equal("hg-chosen-id", created["ContentItemId"]!.GetValue<string>());
        Assert.True(created["Published"]!.GetValue<bool>());
        Assert.Equal("portals-cli", created["Owner"]!.GetValue<string>());
        Assert.StartsWith("khu-cong-nghiep-song-hau", created["AutoroutePart"]!["Path"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_NoId_GeneratesOne()
    {
        var item = ApiTestKit.InvestmentCall("x");
        item.Remove("ContentItemId");
        var created = await _kit.UpsertAsync(item);
        Assert.Equal(26, created["ContentItemId"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Upsert_PartialDocument_MergesIntoLatestVersion()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-merge", "Dự án hợp nhất"));
        var merged = await _kit.UpsertAsync(new JsonObject
        {
            ["ContentItemId"] = "hg-merge",
            ["InvestmentCall"] = new JsonObject
            {
                ["Location"] = new JsonObject { ["Text"] = "Vị Thanh" },
                ["Sector"] = new JsonObject { ["TermContentItemIds"] = new JsonArray("sector-y-te") },
                ["Summary"] = null,
            },
        });
        var part = merged["InvestmentCall"]!;
        Assert.Equal("Dự án hợp nhất", merged["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.Equal("Vị Thanh", part["Location"]!["Text"]!.GetValue<string>());
        Assert.Equal("dang-keu-goi", part["Status"]!["Text"]!.GetValue<string>());
        Assert.Equal(120, part["AreaHa"]!["Value"]!.GetValue<int>());
        // Arrays are replaced, not appended to.
        Assert.Equal(["sector-y-te"], part["Sector"]!["TermContentItemIds"]!.AsArray().Select(t => t!.GetValue<string>()));
        // A null is ignored, as in Orchard Core's merge.
        Assert.Equal("Kêu gọi đầu tư hạ tầng khu công nghiệp.", part["Summary"]!["Text"]!.GetValue<string>());

        using var anonymous = _kit.Client();
        var sectorList = JsonNode.Parse(await anonymous.GetStringAsync("haugiang/api/content?sector=sector-y-te&type=InvestmentCall"))!;
        Assert.Contains(sectorList["items"]!.AsArray(), i => i!["ContentItemId"]!.GetValue<string>() == "hg-merge");
    }

    [Fact]
    public async Task Upsert_Draft_KeepsPublishedVersionAndCreatedDate()
    {
        var first = await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-merge-draft"));
        var draft = await _kit.UpsertAsync(new JsonObject { ["ContentItemId"] = "hg-merge-draft", ["TitlePart"] = new JsonObject { ["Title"] = "Nháp" } }, draft: true);
        Assert.False(draft["Published"]!.GetValue<bool>());
        Assert.Equal(first["CreatedUtc"]!.GetValue<string>(), draft["CreatedUtc"]!.GetValue<string>());
        Assert.NotEqual(first["ContentItemVersionId"]!.GetValue<string>(), draft["ContentItemVersionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upsert_ChangingContentType_Gets400()
    {
        await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-merge-type"));
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.PostAsync("haugiang/api/content",
            ApiTestKit.Json(new JsonObject { ["ContentItemId"] = "hg-merge-type", ["ContentType"] = "NewsArticle" }));
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["ContentType"]);
    }

    [Fact]
    public async Task Upsert_MergeMakesItemInvalid_Gets400AndKeepsPreviousVersion()
    {
        var first = await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-merge-invalid"));
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var response = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(new JsonObject
        {
            ["ContentItemId"] = "hg-merge-invalid",
            ["InvestmentCall"] = new JsonObject { ["Status"] = new JsonObject { ["Text"] = "khong-hop-le" } },
        }));
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["InvestmentCall.Status"]);
        var latest = JsonNode.Parse(await client.GetStringAsync("haugiang/api/content/hg-merge-invalid?version=latest"))!;
        Assert.Equal(first["ContentItemVersionId"]!.GetValue<string>(), latest["ContentItemVersionId"]!.GetValue<string>());
    }
}
