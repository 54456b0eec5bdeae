using Microsoft.Playwright;

namespace Portals.Browser.Tests;

/// <summary>Issue 7, defect 12: /api-docs sends a strict Content-Security-Policy, and Scalar still renders under it.</summary>
public sealed class ApiDocsBrowserTests(BrowserPortals portals) : IClassFixture<BrowserPortals>
{
    [Fact]
    public async Task ApiReference_RendersUnderItsContentSecurityPolicy_WithoutViolations()
    {
        var page = await portals.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync("/api-docs/");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var headers = await response.AllHeadersAsync();
        Assert.Contains("script-src 'self' 'nonce-", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);

        // Scalar builds the page from the OpenAPI document: the title and an operation show it loaded and ran.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Portals content API" }).First.WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByText("/connect/token").First.WaitForAsync(new() { Timeout = 30_000 });
        await Artifacts.ScreenshotAsync(page, "api-docs");

        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await page.Context.CloseAsync();
    }
}
