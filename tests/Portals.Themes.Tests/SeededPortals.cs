using Portals.Core.Content;
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

    /// <summary>The public URL path of a published item: <c>/{tenant}/{AutoroutePart.Path}</c>.</summary>
    public async Task<string> UrlOfAsync(string tenant, string id)
    {
        await using var session = await Service<IContentStore>().OpenAsync(Tenant(tenant), default);
        var item = await session.GetAsync(id, VersionOptions.Published, default);
        Assert.NotNull(item);
        return $"/{tenant}/{item.Path}";
    }

    /// <summary>One URL per page type of a tenant: home, the five lists, search, and an item of each routable type.</summary>
    public async Task<IReadOnlyList<string>> PageTypeUrlsAsync(string tenant)
    {
        var p = SectionContent.Prefix(tenant);
        var urls = new List<string>
        {
            $"/{tenant}/", $"/{tenant}/keu-goi-dau-tu", $"/{tenant}/du-an-trong-diem", $"/{tenant}/su-kien", $"/{tenant}/bao-cao",
            $"/{tenant}/tin-tuc", $"/{tenant}/tim-kiem?q=kenh%20xang%20xa%20no",
        };
        foreach (var id in new[] { "chuong-trinh-2021-2025", "tt-giao-thong", "du-an-kenh-xa-no", "bao-cao-2023", "kcn-a", "hoi-nghi-sap-toi", "tin-ky-ket-2021-2025" })
        {
            urls.Add(await UrlOfAsync(tenant, $"{p}-{id}"));
        }
        return urls;
    }
}
