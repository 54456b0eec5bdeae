using System.Collections.Concurrent;

namespace Portals.Core.Content;

/// <summary>
/// A per-tenant counter that moves after every committed write through <see cref="IContentStore"/> in this process,
/// and, on PostgreSQL, after every write another node commits (<see cref="Cluster.ChangeNotificationListener"/>), so
/// read caches can tell, with one lookup, whether anything may have changed since they filled.
/// </summary>
public sealed class ContentChangeSignal
{
    private readonly ConcurrentDictionary<string, Counters> _counters = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource _next = NewSource();

    public long Current(string tenant) => Volatile.Read(ref Counter(tenant).Value);

    public void Changed(string tenant)
    {
        Interlocked.Increment(ref Counter(tenant).Value);
        Interlocked.Exchange(ref _next, NewSource()).TrySetResult();
    }

    /// <summary>
    /// The last moment (UTC ticks) at which this node was known to receive every other node's change notifications
    /// for <paramref name="tenant"/>; 0 when it is not listening (SQLite, or the listener is disconnected). A write made
    /// before that moment has moved <see cref="Current"/> already.
    /// </summary>
    public long NotifiedUpTo(string tenant) => Volatile.Read(ref Counter(tenant).ListeningTicks);

    /// <summary>The listener proved its connection alive at <paramref name="utcTicks"/> (a probe or a notification).</summary>
    public void Listening(string tenant, long utcTicks) => Volatile.Write(ref Counter(tenant).ListeningTicks, utcTicks);

    /// <summary>The listener lost its connection: notifications may be missed until it reconnects.</summary>
    public void NotListening(string tenant) => Volatile.Write(ref Counter(tenant).ListeningTicks, 0);

    /// <summary>Completes at the next change of any tenant, or after <paramref name="timeout"/>: wakes pollers early.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The poll interval passed without a change: the caller polls as before.
        }
    }

    private Counters Counter(string tenant) => _counters.GetOrAdd(tenant, static _ => new Counters());

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Counters
    {
        public long Value;
        public long ListeningTicks;
    }
}
