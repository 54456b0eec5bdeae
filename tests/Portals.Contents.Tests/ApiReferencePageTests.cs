using System.Net;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>The Scalar reference at <c>/api-docs</c>: which documents it offers where, under its own CSP.</summary>
public sealed class ApiReferencePageTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(factory);

    [Theory]
    [InlineData("localhost", "api-docs/", new[] { "cantho/openapi/v1.json", "haugiang/openapi/v1.json", "\"openapi/v1.json" })]
    [InlineData("localhost", "haugiang/api-docs/", new[] { "haugiang/openapi/v1.json" })]
    [InlineData("haugiang.localhost", "api-docs/", new[] { "\"openapi/v1.json" })]
    public async Task ApiDocs_ShowsThePortalsDocuments_UnderItsPolicy(string host, string url, string[] documents)
    {
        using var client = _kit.Client(host);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var document in documents)
        {
            Assert.Contains(document, page, StringComparison.Ordinal);
        }
        Assert.Equal(documents.Length, page.Split("\"url\":").Length - 1);
    }
}
