using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>
/// Issue 12: every operation of both documents is called once here as a partner would, and its answer is checked
/// against what the document declares for that status: the media type, and for JSON the schema. An operation that
/// appears in a document (a module's new route) without a case here fails the test, so nothing goes undocumented or
/// unchecked; an operation a case names that the document lacks fails as well.
/// </summary>
public sealed class OperationCoverageTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];
    private readonly ApiTestKit _kit = new(factory);

    [Fact]
    public async Task EveryDocumentedOperation_AnswersAsDocumented()
    {
        using var anonymous = _kit.Client();
        using var writer = await _kit.ClientAsAsync(Caller.OwnTenant);
        var node = await ContractDocument.FetchAsync(anonymous, "openapi/v1.json");
        var portal = await ContractDocument.FetchAsync(anonymous, "haugiang/openapi/v1.json");
        var read = await _kit.UpsertAsync(ApiTestKit.InvestmentCall("hg-phu-kin-doc", "Khu công nghiệp phủ kín đọc"));
        var path = Uri.EscapeDataString(read["AutoroutePart"]!["Path"]!.GetValue<string>());
        const string Changed = "haugiang/api/content/hg-phu-kin-ghi";

        // In order: the draft written by the POST is then published, unpublished and deleted.
        var cases = new (ContractDocument Document, string Path, string Method, Func<Task<HttpResponseMessage>> Send)[]
        {
            (node, "/health", "get", () => anonymous.GetAsync("health")),
            (node, "/health/live", "get", () => anonymous.GetAsync("health/live")),
            (node, "/health/ready", "get", () => anonymous.GetAsync("health/ready")),
            (node, "/api/search", "get", () => anonymous.GetAsync("api/search?q=k%C3%AAnh&pageSize=5")),
            (node, "/api/search/suggest", "get", () => anonymous.GetAsync("api/search/suggest?q=kenh")),
            (portal, "/health", "get", () => anonymous.GetAsync("haugiang/health")),
            (portal, "/connect/token", "post", () => anonymous.PostAsync("haugiang/connect/token", TokenForm())),
            (portal, "/api/search", "get", () => anonymous.GetAsync("haugiang/api/search?q=quoc%20lo&tenant=haugiang")),
            (portal, "/api/search/suggest", "get", () => anonymous.GetAsync("haugiang/api/search/suggest?q=xa&tenant=cantho")),
            (portal, "/api/search/rebuild", "post", () => writer.PostAsync("haugiang/api/search/rebuild", null)),
            (portal, "/api/search/rebuild", "get", () => writer.GetAsync("haugiang/api/search/rebuild")),
            (portal, "/feeds/news.rss", "get", () => anonymous.GetAsync("haugiang/feeds/news.rss")),
            (portal, "/feeds/investment.rss", "get", () => anonymous.GetAsync("haugiang/feeds/investment.rss")),
            (portal, "/api/content-types", "get", () => anonymous.GetAsync("haugiang/api/content-types")),
            (portal, "/api/taxonomies/sectors", "get", () => anonymous.GetAsync("haugiang/api/taxonomies/sectors")),
            (portal, "/api/content", "get", () => anonymous.GetAsync("haugiang/api/content?type=InvestmentCall&pageSize=2")),
            (portal, "/api/content/{contentItemId}", "get", () => anonymous.GetAsync("haugiang/api/content/hg-phu-kin-doc")),
            (portal, "/api/content/by-path", "get", () => anonymous.GetAsync($"haugiang/api/content/by-path?path={path}")),
            (portal, "/api/content", "post", () => writer.PostAsync("haugiang/api/content?draft=true",
                ApiTestKit.Json(ApiTestKit.InvestmentCall("hg-phu-kin-ghi", "Khu công nghiệp phủ kín ghi")))),
            (portal, "/api/content/{contentItemId}/publish", "post", () => writer.PostAsync(Changed + "/publish", null)),
            (portal, "/api/content/{contentItemId}/unpublish", "post", () => writer.PostAsync(Changed + "/unpublish", null)),
            (portal, "/api/content/{contentItemId}", "delete", () => writer.DeleteAsync(Changed)),
        };

        foreach (var (document, operationPath, method, send) in cases)
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{method.ToUpperInvariant()} {operationPath}";
            Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode} {body}");
            var declared = document.Response(operationPath, method, (int)response.StatusCode)["content"] as JsonObject;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (declared is null)
            {
                Assert.True(body.Length == 0, $"{what} declares no body but sent {mediaType}: {body}");
                continue;
            }
            Assert.True(mediaType is not null && declared.ContainsKey(mediaType), $"{what} sent {mediaType}; it declares {string.Join(", ", declared.Select(c => c.Key))}");
            if (mediaType.EndsWith("json", StringComparison.Ordinal))
            {
                document.AssertResponse(operationPath, method, (int)response.StatusCode, mediaType, body);
            }
        }

        foreach (var document in new[] { node, portal })
        {
            var documented = Operations(document).Order(StringComparer.Ordinal).ToList();
            var called = cases.Where(c => c.Document == document).Select(c => $"{c.Method} {c.Path}").Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(documented, called);
        }
    }

    private static IEnumerable<string> Operations(ContractDocument document) =>
        document.Json["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key)).Select(o => $"{o.Key} {p.Key}"));

    private static FormUrlEncodedContent TokenForm() => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = Portals.Core.Security.ApiClientSetup.CliClientId,
        ["client_secret"] = PortalsFactory.ApiClientSecret,
    });
}
