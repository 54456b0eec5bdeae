using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>The shared search as documented in both documents: results, relaxed results, suggestions, their problems.</summary>
public sealed partial class ResponseSchemaTests
{
    [Fact]
    public async Task SearchAndHealth_MatchTheirSchemas_InBothDocuments()
    {
        var node = await ContractDocument.FetchAsync(_kit.Client(), "openapi/v1.json");
        var tenant = await DocumentAsync("haugiang");
        using var client = _kit.Client();
        node.AssertResponse("/api/search", "get", 200, Json, await GetAsync(client, "api/search?q=kenh%20xang%20xa%20no&pageSize=5"));
        node.AssertResponse("/health", "get", 200, Json, await GetAsync(client, "health"));
        tenant.AssertResponse("/api/search", "get", 200, Json, await GetAsync(client, "haugiang/api/search?q=qu%E1%BB%91c%20l%E1%BB%99&tenant=haugiang"));
        tenant.AssertResponse("/health", "get", 200, Json, await GetAsync(client, "haugiang/health"));
        using var bad = await client.GetAsync("api/search?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        node.AssertResponse("/api/search", "get", 400, Problem, await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RelaxedSearchAndSuggestions_MatchTheirSchemas()
    {
        var node = await ContractDocument.FetchAsync(_kit.Client(), "openapi/v1.json");
        var tenant = await DocumentAsync("haugiang");
        using var client = _kit.Client();
        // The seed is indexed in the background: poll with a deadline until the canal's title is suggested.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string suggested;
        while (true)
        {
            suggested = await GetAsync(client, "api/search/suggest?q=kenh%20xang");
            if (JsonNode.Parse(suggested)!["titles"]!.AsArray().Count > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(200);
        }
        Assert.Contains(JsonNode.Parse(suggested)!["titles"]!.AsArray(), t => t!["title"]!.GetValue<string>().Contains("Kênh Xáng Xà No", StringComparison.Ordinal));
        node.AssertResponse("/api/search/suggest", "get", 200, Json, suggested);
        tenant.AssertResponse("/api/search/suggest", "get", 200, Json, await GetAsync(client, "haugiang/api/search/suggest?q=x%C3%A0%20no&tenant=haugiang"));

        // A word that matches nothing: approximate results, and the word named.
        var relaxed = await GetAsync(client, "api/search?q=kenh%20xang%20xa%20no%20zqxwvj");
        Assert.True(JsonNode.Parse(relaxed)!["relaxed"]!.GetValue<bool>(), relaxed);
        Assert.Equal(["zqxwvj"], JsonNode.Parse(relaxed)!["unmatchedWords"]!.AsArray().Select(w => w!.GetValue<string>()));
        node.AssertResponse("/api/search", "get", 200, Json, relaxed);

        using var tooLong = await client.GetAsync("api/search/suggest?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        node.AssertResponse("/api/search/suggest", "get", 400, Problem, await tooLong.Content.ReadAsStringAsync());
    }
}
