using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portals.Search;
using Portals.Testing;

namespace Portals.Web.Tests.Observability;

/// <summary>
/// The node's index, except that while <see cref="Paused"/> names a tenant its batches fail, as on a full disk: the
/// indexer logs, keeps its cursor and retries, so that tenant's change log runs ahead of the index.
/// </summary>
public sealed class PausableSearchIndex(ISearchIndex inner) : ISearchIndex
{
    private volatile string? _paused;

    public string? Paused
    {
        get => _paused;
        set => _paused = value;
    }

    public Task ApplyAsync(SearchBatch batch, CancellationToken ct) =>
        string.Equals(batch.Tenant, Paused, StringComparison.Ordinal)
            ? throw new IOException($"Indexing of {batch.Tenant} is paused by the test.")
            : inner.ApplyAsync(batch, ct);

    public Task<long> GetCursorAsync(string tenant, CancellationToken ct) => inner.GetCursorAsync(tenant, ct);

    public Task<SearchIndexStatus> GetStatusAsync(string tenant, CancellationToken ct) => inner.GetStatusAsync(tenant, ct);

    public Task<IReadOnlyList<string>> ListIdsAsync(string tenant, CancellationToken ct) => inner.ListIdsAsync(tenant, ct);

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct) => inner.SearchAsync(query, ct);

    public Task<SearchSuggestions> SuggestAsync(SuggestQuery query, CancellationToken ct) => inner.SuggestAsync(query, ct);
}

/// <summary>The real host with a pausable index, readiness answers never reused, at most 2 changes of lag, a tiny anonymous budget.</summary>
public sealed class PausableIndexFactory : PortalsFactory
{
    public const int MaxIndexLag = 2;

    public PausableSearchIndex Index => Service<PausableSearchIndex>();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Portals:Health:MaxIndexLag", MaxIndexLag.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Portals:Health:ProbeCacheSeconds", "0"),
        // Outside the portals, /health and the search take this budget; the probes must not.
        new("Portals:Api:AnonymousRequestsPerMinute", "5"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var engine = services.Last(d => d.ServiceType == typeof(ISearchIndex));
            services.Remove(engine);
            services.AddSingleton(sp => new PausableSearchIndex((ISearchIndex)engine.ImplementationFactory!(sp)));
            services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<PausableSearchIndex>());
        });
    }
}
