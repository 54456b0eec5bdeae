using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portals.Browser.Tests;

/// <summary>Screenshots into the test output, and axe-core checks that fail on serious or critical violations.</summary>
public static class Artifacts
{
    /// <summary><c>TestResults/screenshots</c> beside the test assembly: what CI keeps as the test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"Empty screenshot {path}");
        return path;
    }

    /// <summary>Runs axe-core on the page; serious and critical violations fail the test with their rule ids and targets.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{page.Url}: " + string.Join("; ", blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}) at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}";
}
