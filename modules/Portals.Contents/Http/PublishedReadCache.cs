using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using Portals.Core.Content;

namespace Portals.Contents.Http;

/// <summary>A response body ready to send (JSON, or a rendered feed): its bytes and their strong ETag, computed once.</summary>
public sealed record CachedBody(byte[] Bytes, string ETag)
{
    public static CachedBody From(string json) => From(Encoding.UTF8.GetBytes(json));

    public static CachedBody From(byte[] bytes) => new(bytes, ETags.Compute(bytes));
}

/// <summary>
/// Published reads (items, paths, list pages, feeds) kept in memory per tenant. A tenant's entries are dropped as soon as
/// <see cref="ContentChangeSignal"/> moves, i.e. after any committed write in this process, so the next request after
/// a publish, unpublish or delete reads the database. On PostgreSQL the signal also moves when another node commits
/// (LISTEN/NOTIFY), and entries live until then while the listener is connected; otherwise (SQLite, the CLI, a lost
/// listener) another process's writes are seen after at most <see cref="ContentsApiOptions.ReadCacheSeconds"/>.
/// </summary>
public sealed class PublishedReadCache(ContentChangeSignal signal, IOptions<ContentsApiOptions> options, TimeProvider clock)
{
    /// <summary>Budget per tenant; list pages of 100 items weigh ~100 KB, so entries are bounded by bytes, not count.</summary>
    private const long MaxBytesPerTenant = 64L * 1024 * 1024;
    private readonly ConcurrentDictionary<string, Generation> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _lifetimeTicks = TimeSpan.FromSeconds(options.Value.ReadCacheSeconds).Ticks;

    /// <summary>The entry when fresh; otherwise the generation to store a freshly read value under.</summary>
    public bool TryGet(string tenant, string key, out CachedBody? json, out object stamp)
    {
        var current = signal.Current(tenant);
        // Read first: AddOrUpdate would take a lock and replace the node on every request.
        if (!_tenants.TryGetValue(tenant, out var generation) || generation.Value != current)
        {
            generation = _tenants.AddOrUpdate(tenant,
                static (_, value) => new Generation(value),
                static (_, existing, value) => existing.Value == value ? existing : new Generation(value), current);
        }
        stamp = generation;
        if (_lifetimeTicks > 0 && generation.Entries.TryGetValue(key, out var entry) && IsFresh(tenant, entry))
        {
            json = entry.Json;
            return true;
        }
        json = null;
        return false;
    }

    /// <summary>
    /// Young enough, or the tenant's change notifications were received within the lifetime: then any write committed
    /// before that moment has dropped the generation already, and one committed after it shows within the lifetime,
    /// as it would without notifications (a listener that dies stops confirming, so its entries age out as before).
    /// </summary>
    private bool IsFresh(string tenant, Entry entry)
    {
        var now = clock.GetUtcNow().UtcTicks;
        return now - entry.LoadedTicks < _lifetimeTicks || now - signal.NotifiedUpTo(tenant) < _lifetimeTicks;
    }

    /// <summary>Stores a value read after <see cref="TryGet"/>; if the tenant changed meanwhile, the stamp's generation is already discarded.</summary>
    public void Set(object stamp, string key, CachedBody json)
    {
        var generation = (Generation)stamp;
        if (_lifetimeTicks <= 0)
        {
            return;
        }
        // Over budget, the tenant's entries are simply dropped: cheaper than LRU bookkeeping on the hot path.
        if (generation.AddBytes(json.Bytes.Length + key.Length * 2) > MaxBytesPerTenant)
        {
            generation.Entries.Clear();
            generation.ResetBytes();
        }
        generation.Entries[key] = new Entry(json, clock.GetUtcNow().UtcTicks);
    }

    private sealed class Generation(long value)
    {
        private long _bytes;

        public long Value { get; } = value;
        public ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        public long AddBytes(long bytes) => Interlocked.Add(ref _bytes, bytes);

        public void ResetBytes() => Interlocked.Exchange(ref _bytes, 0);
    }

    private sealed record Entry(CachedBody Json, long LoadedTicks);
}
