using System.Net;
using System.Text.Json;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

public sealed class OpenApiTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    public static TheoryData<string, string, string> Operations => new()
    {
        // Path, method, the error statuses that must be documented.
        { "/{tenant}/api/content/{contentItemId}", "get", "400,401,403,404" },
        { "/{tenant}/api/content", "get", "400,401" },
        { "/{tenant}/api/content/by-path/{path}", "get", "400,401,404" },
        { "/{tenant}/api/content", "post", "400,401,403,412" },
        { "/{tenant}/api/content/{contentItemId}/publish", "post", "400,401,403,404,412" },
        { "/{tenant}/api/content/{contentItemId}/unpublish", "post", "400,401,403,404,412" },
        { "/{tenant}/api/content/{contentItemId}", "delete", "400,401,403,404,412" },
        { "/{tenant}/api/content-types", "get", "401" },
        { "/{tenant}/api/taxonomies/sectors", "get", "401,404" },
        { "/{tenant}/feeds/news.rss", "get", "401" },
        { "/{tenant}/feeds/investment.rss", "get", "401" },
        { "/{tenant}/connect/token", "post", "400,401" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task OpenApiDocument_EveryRoute_IsDescribedWithErrors(string path, string method, string errors)
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing; documented: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is missing");
        var tenant = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "tenant");
        Assert.Equal("path", tenant.GetProperty("in").GetString());
        Assert.Equal(["cantho", "haugiang"], tenant.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order());
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _) || responses.TryGetProperty("204", out _), $"{method} {path} documents no success response");
        foreach (var status in (errors + ",429").Split(','))
        {
            Assert.True(responses.TryGetProperty(status, out _), $"{method.ToUpperInvariant()} {path} does not document {status}");
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesSchemasAndSecurity()
    {
        using var document = await DocumentAsync();
        var components = document.RootElement.GetProperty("components");
        var schemas = components.GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("ContentItemDocument", out _));
        Assert.True(schemas.TryGetProperty("ContentListDocument", out _));
        Assert.True(schemas.TryGetProperty("ProblemDetails", out _));
        Assert.True(schemas.TryGetProperty("HttpValidationProblemDetails", out _));
        Assert.Equal("oauth2", components.GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("type").GetString());
        var upsert = document.RootElement.GetProperty("paths").GetProperty("/{tenant}/api/content").GetProperty("post");
        Assert.True(upsert.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task ApiDocs_ServesReferencePage()
    {
        using var client = _kit.Client();
        using var response = await client.GetAsync("api-docs/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var client = _kit.Client();
        return JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json"));
    }
}
