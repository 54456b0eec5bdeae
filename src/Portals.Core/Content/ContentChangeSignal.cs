using System.Collections.Concurrent;

namespace Portals.Core.Content;

/// <summary>
/// A per-tenant counter that moves after every committed write through <see cref="IContentStore"/> in this process,
/// so read caches can tell, with one lookup, whether anything may have changed since they filled.
/// </summary>
public sealed class ContentChangeSignal
{
    private readonly ConcurrentDictionary<string, StrongBox> _counters = new(StringComparer.OrdinalIgnoreCase);

    public long Current(string tenant) => Volatile.Read(ref Counter(tenant).Value);

    public void Changed(string tenant) => Interlocked.Increment(ref Counter(tenant).Value);

    private StrongBox Counter(string tenant) => _counters.GetOrAdd(tenant, static _ => new StrongBox());

    private sealed class StrongBox
    {
        public long Value;
    }
}
