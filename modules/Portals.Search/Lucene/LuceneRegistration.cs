using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Tenants;

namespace Portals.Search.Lucene;

/// <summary>The Lucene engine behind <see cref="ISearchIndex"/>; called only by <see cref="Startup.AddSearchModule"/>.</summary>
internal static class LuceneRegistration
{
    /// <summary>One <see cref="LuceneSearchIndex"/> per process, opened on first use; the container disposes it.</summary>
    public static IServiceCollection AddLuceneSearchIndex(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var path = sp.GetRequiredService<Telemetry.SearchIndexFolder>().Path;
            var places = options.Places.ToDictionary(p => p.Key.ToLowerInvariant(), p => (IReadOnlyList<string>)p.Value);
            return new LuceneSearchIndex(new LuceneSearchIndexOptions(path)
            {
                RamBufferSizeMb = options.RamBufferSizeMb,
                ResultCacheEntries = options.ResultCacheEntries,
                Places = places,
            },
                sp.GetService<ILogger<LuceneSearchIndex>>());
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return new Telemetry.SearchIndexFolder(string.IsNullOrWhiteSpace(options.IndexPath)
                ? Path.Combine(sp.GetRequiredService<TenantRegistry>().DataRoot, "Search")
                : Path.GetFullPath(options.IndexPath));
        });
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        return services;
    }
}
