using Xunit.Abstractions;

namespace Portals.Browser.Tests;

/// <summary>The browser and the server work together: the first thing to check when any browser test fails.</summary>
public sealed class BrowserSmokeTests(BrowserPortals portals, ITestOutputHelper output) : IClassFixture<BrowserPortals>
{
    [Fact]
    public async Task Chromium_reaches_the_health_endpoint_of_the_kestrel_server()
    {
        // Playwright 1.64 pairs with Chromium 156: the log says which one ran when a Debian update moves it.
        output.WriteLine($"Chromium {portals.Browser.Version}");
        Assert.False(string.IsNullOrEmpty(portals.Browser.Version));

        var page = await portals.NewPageAsync();
        var response = await page.GotoAsync("/health");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("haugiang", await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
