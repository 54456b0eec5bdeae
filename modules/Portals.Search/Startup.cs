using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portals.Core.Hosting;
using Portals.Core.Modules;
using Portals.Core.Tenants;
using Portals.Search.Indexing;

namespace Portals.Search;

public static class Startup
{
    /// <summary>The shared index under <c>{DataPath}/Search</c> (or <c>Portals:Search:IndexPath</c>), its indexer and its CLI.</summary>
    public static IServiceCollection AddSearchModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleManifest(Manifest.Value);
        services.AddSingleton(sp =>
        {
            var configured = configuration["Portals:Search:IndexPath"];
            var path = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(sp.GetRequiredService<TenantRegistry>().DataRoot, "Search")
                : Path.GetFullPath(configured);
            return new LuceneSearchIndex(new LuceneSearchIndexOptions(path), sp.GetService<ILogger<LuceneSearchIndex>>());
        });
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<Http.SearchRebuildJobs>();
        services.AddHostedService<SearchIndexingService>();
        services.AddSingleton<ICliCommand, SearchRebuildCommand>();
        return services;
    }
}
