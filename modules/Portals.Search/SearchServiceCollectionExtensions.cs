using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portals.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="LuceneSearchIndex"/> per process as <see cref="ISearchIndex"/>; the container disposes it.</summary>
    public static IServiceCollection AddLuceneSearchIndex(this IServiceCollection services, LuceneSearchIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new LuceneSearchIndex(options, sp.GetService<ILogger<LuceneSearchIndex>>()));
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        return services;
    }
}
