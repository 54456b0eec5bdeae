using System.Text.Json;
using Portals.Testing;

namespace Portals.Browser.Tests.Themes;

/// <summary>Both portals in the browser, with <see cref="SectionContent"/> test items of every type, indexed for search.</summary>
public sealed class SeededBrowserPortals : BrowserPortals
{
    public static readonly string[] Tenants = ["haugiang", "cantho"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var tenant in Tenants)
        {
            await SectionContent.SeedAsync(this, tenant);
        }
        await WaitUntilIndexedAsync();
    }

    /// <summary>Every published item of both tenants is searchable (the indexer follows the change logs in the background).</summary>
    private async Task WaitUntilIndexedAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/search?pageSize=1"));
            // 4 seeded + 7 test items per tenant.
            if (doc.RootElement.GetProperty("total").GetInt64() >= 22)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "The seeded items were not indexed within 60 s.");
            await Task.Delay(200);
        }
    }
}
