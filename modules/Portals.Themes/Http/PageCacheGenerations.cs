using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Portals.Core.Content;

namespace Portals.Themes.Http;

/// <summary>
/// A tenant's page-cache generation: the in-process <see cref="ContentChangeSignal"/> (moves after every committed
/// write) joined with the last change-log id the <see cref="ChangeLogWatcher"/> saw (writes by other processes).
/// The generation is part of every cache key, so a page rendered before a write is never served after it, even if
/// it was stored after the write. Entries of a dead generation are evicted by tag when a request first sees the
/// new one. Holds counters per tenant name only.
/// </summary>
public sealed class PageCacheGenerations(ContentChangeSignal signal)
{
    private readonly ConcurrentDictionary<string, long> _external = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public static string Tag(string tenant, string generation) => $"portals-page:{tenant}:{generation}";

    public string Current(string tenant) =>
        string.Create(CultureInfo.InvariantCulture, $"{signal.Current(tenant)}.{_external.GetValueOrDefault(tenant)}");

    /// <summary>
    /// The generation a request renders under; evicts the previous generation's pages when it moved. The store comes
    /// from the request: the output-cache options hold the policy that holds this class, so it cannot be injected here.
    /// </summary>
    public async ValueTask<string> EnterAsync(string tenant, IOutputCacheStore store, CancellationToken cancellationToken)
    {
        var generation = Current(tenant);
        if (_seen.TryGetValue(tenant, out var previous) && previous == generation)
        {
            return generation;
        }
        _seen[tenant] = generation;
        if (previous is not null)
        {
            await store.EvictByTagAsync(Tag(tenant, previous), cancellationToken);
        }
        return generation;
    }

    /// <summary>The change log of <paramref name="tenant"/> reached <paramref name="lastChangeId"/> (any process's writes).</summary>
    public void ExternalChange(string tenant, long lastChangeId) => _external[tenant] = lastChangeId;
}
