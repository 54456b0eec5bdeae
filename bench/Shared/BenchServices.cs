using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portals.Core;
using Portals.Core.Modules;
using Portals.Search;

namespace Portals.Bench;

/// <summary>
/// The store, the content modules and the search module of both portals, without the web host: the in-process
/// benchmark tools (seeding, the publish pipeline) run the real write and index paths over a data folder of their own.
/// </summary>
internal static class BenchServices
{
    public static ServiceProvider Build(string data, string contentRoot)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portals:DataPath"] = data,
            ["Portals:Setup:AdminPassword"] = "Bench-admin-1!",
            ["Portals:Setup:ApiClientSecret"] = "bench-secret",
            ["Portals:Tenants:haugiang:DisplayName"] = "Hậu Giang",
            ["Portals:Tenants:haugiang:SetupRecipe"] = "haugiang",
            ["Portals:Tenants:cantho:DisplayName"] = "Cần Thơ",
            ["Portals:Tenants:cantho:SetupRecipe"] = "cantho",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        services.AddPortalsCore(configuration);
        foreach (var manifest in new[] { Portals.Taxonomies.Manifest.Value, Portals.Cooperation.Manifest.Value, Portals.Investment.Manifest.Value, Portals.News.Manifest.Value, Portals.Contents.Manifest.Value })
        {
            services.AddModuleManifest(manifest);
        }
        services.AddSearchModule(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
    public static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
