using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Hosting;
using Portals.Core.Tenants;

namespace Portals.Search.Indexing;

/// <summary><c>search rebuild [--tenant name]</c>: rebuilds the shared index from the tenants' databases, with progress.</summary>
public sealed class SearchRebuildCommand : ICliCommand
{
    public string Name => "search rebuild";

    public string Usage => "search rebuild [--tenant <name>]   (stop the server first; while it runs, use the administrator action)";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        var name = arguments.Option("tenant");
        var tenants = name is null ? registry.All.ToList() : registry.Find(name) is { } one ? [one] : [];
        if (tenants.Count == 0)
        {
            await Console.Error.WriteLineAsync($"Unknown tenant '{name}'.");
            return 2;
        }
        try
        {
            var indexer = services.GetRequiredService<SearchIndexer>();
            foreach (var tenant in tenants)
            {
                await services.GetRequiredService<TenantInitializer>().InitializeAsync(tenant, cancellationToken);
                await indexer.RebuildAsync(tenant, new ConsoleProgress(), cancellationToken);
                await output.WriteLineAsync($"Rebuilt the search index for tenant '{tenant.Name}'.");
            }
            return 0;
        }
        catch (SearchIndexInUseException)
        {
            await Console.Error.WriteLineAsync("The search index is in use by a running server. Stop it, or use the administrator action POST /{tenant}/api/search/rebuild.");
            return 1;
        }
    }

    /// <summary>Writes each step as it happens; Progress&lt;T&gt; would post lines to the thread pool out of order.</summary>
    private sealed class ConsoleProgress : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => Console.Error.WriteLine($"[{value.Tenant}] {value.Done}/{value.Total} items indexed");
    }
}
