using System.Diagnostics;
using Portals.Core.Telemetry;

namespace Portals.Search.Telemetry;

/// <summary>
/// Wraps whatever engine implements <see cref="ISearchIndex"/> with the search latency histogram and spans, so a
/// new engine (an OpenSearch port) is measured the same way without touching it.
/// </summary>
internal sealed class InstrumentedSearchIndex(ISearchIndex inner, SearchTelemetry telemetry) : ISearchIndex
{
    public async Task ApplyAsync(SearchBatch batch, CancellationToken ct)
    {
        using var activity = SearchTelemetry.Source.StartActivity("search apply")?.SetTag(PortalsTags.Tenant, batch.Tenant);
        await inner.ApplyAsync(batch, ct);
    }

    public Task<long> GetCursorAsync(string tenant, CancellationToken ct) => inner.GetCursorAsync(tenant, ct);

    public Task<SearchIndexStatus> GetStatusAsync(string tenant, CancellationToken ct) => inner.GetStatusAsync(tenant, ct);

    public Task<IReadOnlyList<string>> ListIdsAsync(string tenant, CancellationToken ct) => inner.ListIdsAsync(tenant, ct);

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct) =>
        MeasureAsync("search", query.Tenant, () => inner.SearchAsync(query, ct));

    public Task<SearchSuggestions> SuggestAsync(SuggestQuery query, CancellationToken ct) =>
        MeasureAsync("suggest", query.Tenant, () => inner.SuggestAsync(query, ct));

    private async Task<T> MeasureAsync<T>(string operation, string? tenant, Func<Task<T>> run)
    {
        var scope = string.IsNullOrEmpty(tenant) ? SearchTelemetry.AllTenants : tenant;
        using var activity = SearchTelemetry.Source.StartActivity(operation)?.SetTag(PortalsTags.Tenant, scope);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await run();
            outcome = "ok";
            return result;
        }
        finally
        {
            telemetry.RecordSearch(operation, scope, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
