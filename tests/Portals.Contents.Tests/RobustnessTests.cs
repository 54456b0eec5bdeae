using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>Odd requests never make the server answer 500, and bad settings stop it at start-up.</summary>
public sealed class RobustnessTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    public static TheoryData<string, string, string?, string?> OddRequests => new()
    {
        // method, url, body, header "Name: value"
        { "POST", "haugiang/api/content", new string('[', 200) + new string(']', 200), null },
        { "POST", "haugiang/api/content", "{\"ContentType\":\"InvestmentCall\",\"TitlePart\":{\"Title\":\"\\ud800\"}}", null },
        { "POST", "haugiang/api/content", "null", null },
        { "POST", "haugiang/api/content", "{\"ContentItemId\":\"hg-x\",\"ContentType\":\"InvestmentCall\",\"InvestmentCall\":[]}", null },
        { "POST", "haugiang/api/content", "{\"ContentItemId\":\"hg-x\",\"ContentType\":\"InvestmentCall\",\"AutoroutePart\":{\"Path\":5}}", null },
        { "POST", "haugiang/api/content", "{\"ContentItemId\":\"hg-x\",\"ContentType\":\"InvestmentCall\",\"InvestmentCall\":{\"Deadline\":{\"Value\":\"31/12/2025\"}}}", null },
        { "POST", "haugiang/api/content?draft=maybe", "{}", null },
        { "POST", "haugiang/api/content", "{}", "If-Match: not-an-etag" },
        { "GET", "haugiang/api/content/hg-du-an-ql61c", null, "If-None-Match: garbage,,\"" },
        { "GET", "haugiang/api/content?q=" + new string('a', 500), null, null },
        { "GET", "haugiang/api/content?publishedAfter=9999-99-99", null, null },
        { "GET", "haugiang/api/content/by-path/" + "a/b/../../c", null, null },
        { "GET", "haugiang/api/content/by-path/", null, null },
        { "POST", "haugiang/connect/token", "grant_type=client_credentials", "Content-Type: application/x-www-form-urlencoded" },
        { "POST", "haugiang/connect/token", "{\"grant_type\":\"client_credentials\"}", null },
        { "DELETE", "haugiang/api/content/hg-du-an-ql61c/publish", null, null },
        { "POST", "haugiang/api/content", "{\"ContentType\":\"InvestmentCall\",\"ContentType\":\"NewsArticle\"}", null },
        { "POST", "haugiang/api/content", "{\"ContentItemId\":\"hg-x\",\"ContentType\":\"InvestmentCall\",\"InvestmentCall\":{\"Sector\":{\"TermContentItemIds\":[null, 5]}}}", null },
        { "POST", "haugiang/api/content", "{\"ContentItemId\":\"hg-x\",\"ContentType\":\"InvestmentCall\",\"InvestmentCall\":{\"AreaHa\":{\"Value\":1e400}}}", null },
        { "POST", "haugiang/api/content", "\ufeff{}", null },
        { "GET", "haugiang/api/content/by-path/tin-tuc%2Fabc", null, null },
        { "GET", "haugiang/api/content?publishedAfter=2025-01-01T00:00:00%2B07:00&q=%00", null, null },
        { "POST", "haugiang/connect/token", "grant_type=client_credentials&client_id=portals-cli", "Content-Type: application/x-www-form-urlencoded" },
    };

    [Theory]
    [MemberData(nameof(OddRequests))]
    public async Task OddRequest_NeverGets500(string method, string url, string? body, string? header)
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (header?.Split(": ", 2) is [var name, var value])
        {
            if (name == "Content-Type")
            {
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        using var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if ((int)response.StatusCode >= 400 && !url.Contains("connect/token", StringComparison.Ordinal) && response.StatusCode != HttpStatusCode.MethodNotAllowed)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ChunkedBodyOverLimit_Gets400()
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        var bytes = Encoding.UTF8.GetBytes("{\"ContentType\":\"InvestmentCall\",\"x\":\"" + new string('a', 1100 * 1024) + "\"}");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "haugiang/api/content") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_TextFilter_IgnoresDiacritics()
    {
        using var client = _kit.Client();
        var folded = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("haugiang/api/content?q=vi thanh"))!;
        var accented = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("haugiang/api/content?q=" + Uri.EscapeDataString("VỊ THANH")))!;
        Assert.True(folded["total"]!.GetValue<int>() > 0);
        Assert.Equal(folded["total"]!.GetValue<int>(), accented["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeeplyNestedJson_Gets400()
    {
        using var client = await _kit.ClientAsAsync(Caller.OwnTenant);
        var nested = "{\"ContentType\":\"InvestmentCall\",\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}";
        using var response = await client.PostAsync("haugiang/api/content", ApiTestKit.Json(nested));
        await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Startup_InvalidApiSettings_FailsFast()
    {
        using var broken = new BrokenSettingsFactory();
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("MaxBodyBytes", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class BrokenSettingsFactory : PortalsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Portals:Api:MaxBodyBytes", "10")];
    }
}
