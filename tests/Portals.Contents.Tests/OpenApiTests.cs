using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Portals.Contents.Endpoints;
using Portals.Contents.Tests.Contract;
using Portals.Core.Content;
using Portals.Core.Recipes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Issue 12: per-portal documents with a schema per content type; the node document for the shared search.</summary>
public sealed class OpenApiTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    public static TheoryData<string, string, string> Operations => new()
    {
        // Path in the portal's document, method, the error statuses that must be documented (429 and 503 always).
        { "/api/content/{contentItemId}", "get", "400,401,403,404" },
        { "/api/content", "get", "400,401" },
        { "/api/content/by-path", "get", "400,401,404" },
        { "/api/content", "post", "400,401,403,412" },
        { "/api/content/{contentItemId}/publish", "post", "400,401,403,404,412" },
        { "/api/content/{contentItemId}/unpublish", "post", "400,401,403,404,412" },
        { "/api/content/{contentItemId}", "delete", "400,401,403,404,412" },
        { "/api/content-types", "get", "401" },
        { "/api/taxonomies/sectors", "get", "401,404" },
        { "/api/search", "get", "400,401" },
        { "/api/search/suggest", "get", "400,401" },
        { "/api/search/rebuild", "post", "401,403" },
        { "/api/search/rebuild", "get", "401,403,404" },
        { "/feeds/news.rss", "get", "401" },
        { "/feeds/investment.rss", "get", "401" },
        { "/connect/token", "post", "400,401" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task TenantDocument_EveryRoute_IsDescribedWithItsErrors(string path, string method, string errors)
    {
        var document = await DocumentAsync("haugiang/openapi/v1.json");
        var operation = document.Operation(path, method);
        Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
        Assert.NotNull(operation["security"]);
        Assert.DoesNotContain(operation["parameters"] as JsonArray ?? [], p => p?["in"]?.GetValue<string>() == "path" && p["name"]?.GetValue<string>() == "tenant");
        var responses = operation["responses"]!.AsObject();
        Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{method} {path} documents no success response");
        foreach (var status in (errors + ",429,503").Split(','))
        {
            var response = document.Response(path, method, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
            if (status is "429" or "503")
            {
                Assert.Equal("integer", response["headers"]?["Retry-After"]?["schema"]?["type"]?.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task Documents_SayWhoMayCall_AndKeepIntegersIntegers()
    {
        var document = await DocumentAsync("haugiang/openapi/v1.json");
        Assert.Equal("oauth2", document.Operation("/api/content", "post")["security"]![0]!.AsObject().Single().Key);
        Assert.Empty(document.Operation("/api/content", "get")["security"]!.AsArray());
        Assert.Empty(document.Operation("/connect/token", "post")["security"]!.AsArray());
        foreach (var name in new[] { "page", "pageSize" })
        {
            var parameter = document.Operation("/api/content", "get")["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;
            Assert.Equal("integer", parameter["schema"]!["type"]!.GetValue<string>());
        }
        var list = document.Schemas["ContentListDocument"]!["properties"]!;
        Assert.Equal("integer", list["total"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ContentItem", list["items"]!["items"]!["$ref"]!.GetValue<string>());
        var sectors = document.Schemas["SectorsDocument"]!["properties"]!.AsObject();
        Assert.Equal(["TaxonomyContentItemId", "Terms"], sectors.Select(p => p.Key));
    }

    [Fact]
    public async Task TenantDocument_TypesInvestmentCall_FromItsDefinition()
    {
        var document = await DocumentAsync("haugiang/openapi/v1.json");
        var schemas = document.Schemas;
        var union = schemas["ContentItem"]!;
        Assert.Equal("ContentType", union["discriminator"]!["propertyName"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/InvestmentCall", union["discriminator"]!["mapping"]!["InvestmentCall"]!.GetValue<string>());
        Assert.Contains(union["oneOf"]!.AsArray(), m => m!["$ref"]!.GetValue<string>() == "#/components/schemas/KeyProject");

        var call = schemas["InvestmentCall"]!;
        Assert.Equal("InvestmentCall", call["properties"]!["ContentType"]!["const"]!.GetValue<string>());
        Assert.True(call["additionalProperties"]!.GetValue<bool>());
        Assert.Equal("date-time", call["properties"]!["ModifiedUtc"]!["format"]!.GetValue<string>());
        Assert.Contains("ContentItemId", Strings(call["required"]));
        Assert.Contains("InvestmentCall", Strings(call["required"]));

        var part = schemas["InvestmentCallPart"]!;
        Assert.Equal(["Sector", "Location", "Status"], Strings(part["required"]));
        Assert.Equal("Địa điểm thực hiện dự án.", part["properties"]!["Location"]!["description"]!.GetValue<string>());
        var status = Target(schemas, Target(schemas, part["properties"]!["Status"]!)["properties"]!["Text"]!);
        Assert.Equal(["dang-keu-goi", "da-co-nha-dau-tu", "het-han"], Strings(status["enum"]));
        var area = Target(schemas, part["properties"]!["AreaHa"]!["anyOf"]![0]!)["properties"]!["Value"]!;
        Assert.Equal(["number", "null"], Strings(area["type"]));
        Assert.Equal(0, area["minimum"]!.GetValue<decimal>());
        var sector = Target(schemas, part["properties"]!["Sector"]!)["properties"]!;
        Assert.Equal("array", sector["TermContentItemIds"]!["type"]!.GetValue<string>());
        Assert.NotNull(sector["TaxonomyContentItemId"]);
        Assert.Equal("Text", Target(schemas, part["properties"]!["Location"]!)["required"]![0]!.GetValue<string>());

        // What a client sends: only the content type is required, and nulls leave values as they are.
        var input = schemas["InvestmentCallInput"]!;
        Assert.Equal(["ContentType"], Strings(input["required"]));
        Assert.Null(schemas["InvestmentCallPartInput"]!["required"]);
        Assert.Equal("#/components/schemas/ContentItemInput",
            document.Operation("/api/content", "post")["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task NodeDocument_HoldsOnlyRoutesOutsideThePortals()
    {
        var document = await DocumentAsync("openapi/v1.json");
        var paths = document.Json["paths"]!.AsObject().Select(p => p.Key).Order().ToList();
        Assert.Equal(["/api/search", "/api/search/suggest", "/health", "/health/live", "/health/ready"], paths);
        Assert.Equal("integer", document.Operation("/api/search", "get")["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "pageSize")!["schema"]!["type"]!.GetValue<string>());
        Assert.Equal("http://localhost", document.Json["servers"]![0]!["url"]!.GetValue<string>());
        Assert.False(document.Schemas.ContainsKey("InvestmentCall"));
    }

    [Theory]
    [InlineData("localhost", "haugiang/openapi/v1.json", "http://localhost/haugiang")]
    [InlineData("haugiang.localhost", "openapi/v1.json", "http://haugiang.localhost")]
    public async Task TenantDocument_OnPrefixOrHost_NamesThatBase(string host, string url, string server)
    {
        using var client = _kit.Client(host);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(server, document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(server + "/connect/token", document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
        Assert.Contains("haugiang", document["info"]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(document["info"]!["license"]!["url"]);
    }

    [Fact]
    public async Task TypeAddedByRecipe_AppearsInThatPortalsDocument_WithoutRestart()
    {
        var before = await DocumentAsync("haugiang/openapi/v1.json");
        Assert.False(before.Schemas.ContainsKey("TradeFair"));
        var recipe = Recipe.Parse("""
            {
              "name": "trade-fair", "steps": [ { "name": "ContentDefinition",
                "ContentTypes": [ { "Name": "TradeFair", "DisplayName": "Hội chợ thương mại",
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "TradeFair", "Name": "TradeFair" } ] } ],
                "ContentParts": [ { "Name": "TradeFair", "ContentPartFieldDefinitionRecords": [
                  { "FieldName": "BooleanField", "Name": "Online", "Settings": { "BooleanFieldSettings": { "Required": true, "Hint": "Tổ chức trực tuyến." } } } ] } ] } ]
            }
            """, "trade-fair.recipe.json");
        await factory.Service<RecipeExecutor>().ApplyAsync(factory.Tenant("haugiang"), recipe, default);

        var after = await DocumentAsync("haugiang/openapi/v1.json");
        Assert.Contains(after.Schemas["ContentItem"]!["oneOf"]!.AsArray(), m => m!["$ref"]!.GetValue<string>() == "#/components/schemas/TradeFair");
        var online = after.Schemas["TradeFairOnline"]!;
        Assert.Equal("boolean", online["properties"]!["Value"]!["type"]!.GetValue<string>());
        Assert.Equal("Tổ chức trực tuyến.", after.Schemas["TradeFairPart"]!["properties"]!["Online"]!["description"]!.GetValue<string>());
        var other = await DocumentAsync("cantho/openapi/v1.json");
        Assert.False(other.Schemas.ContainsKey("TradeFair"));
    }

    [Fact]
    public void MetadataContract_IsWhatTheStoreWrites()
    {
        // The schemas' metadata comes from ContentItemDocument under the options that write items: same names, same order.
        var options = new JsonSerializerOptions(ContentItem.JsonOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var names = options.GetTypeInfo(typeof(ContentItemDocument)).Properties.Where(p => !p.IsExtensionData).Select(p => p.Name);
        Assert.Equal(ContentItem.MetadataNames, names);
    }

    private async Task<ContractDocument> DocumentAsync(string url) => await ContractDocument.FetchAsync(_kit.Client(), url);

    private static JsonNode Target(JsonObject schemas, JsonNode reference) =>
        schemas[reference["$ref"]!.GetValue<string>()["#/components/schemas/".Length..]]!;

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
