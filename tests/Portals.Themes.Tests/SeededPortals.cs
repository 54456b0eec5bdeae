using Portals.Testing;

namespace Portals.Themes.Tests;

/// <summary>Both portals with the recipes' seed content plus <see cref="SectionContent"/> test items of every type.</summary>
public class SeededPortals : PortalsFactory
{
    public static readonly string[] Tenants = ["haugiang", "cantho"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var tenant in Tenants)
        {
            await SectionContent.SeedAsync(this, tenant);
        }
    }

    public Task<string> UrlOfAsync(string tenant, string id) => SectionContent.UrlOfAsync(this, tenant, id);

    public Task<IReadOnlyList<string>> PageTypeUrlsAsync(string tenant) => SectionContent.PageTypeUrlsAsync(this, tenant);
}
