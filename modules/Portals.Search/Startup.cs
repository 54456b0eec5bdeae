using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portals.Core.Hosting;
using Portals.Core.Modules;
using Portals.Core.Security;
using Portals.Search.Http;
using Portals.Search.Indexing;
using Portals.Search.Lucene;
using Portals.Search.Telemetry;

namespace Portals.Search;

public static class Startup
{
    /// <summary>
    /// The one registration of search: the <see cref="ISearchIndex"/> port (Lucene, under <c>{DataPath}/Search</c> or
    /// <c>Portals:Search:IndexPath</c>), its indexer and background service, the rebuild jobs and the CLI command.
    /// </summary>
    public static IServiceCollection AddSearchModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleManifest(Manifest.Value);
        services.AddPermissions(Manifest.Value.Id, Permissions.ManageSearchIndex);
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        services.AddLuceneSearchIndex();
        services.AddSearchTelemetry();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ClusterRebuilds>();
        services.AddSingleton<SearchRebuildJobs>();
        services.AddHostedService<SearchIndexingService>();
        services.AddSingleton<ICliCommand, SearchRebuildCommand>();
        return services;
    }
}
