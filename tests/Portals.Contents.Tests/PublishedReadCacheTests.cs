using Microsoft.Extensions.Options;
using Portals.Contents;
using Portals.Contents.Http;
using Portals.Core.Content;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>
/// The read cache's lifetime: entries age out after <c>ReadCacheSeconds</c> unless the tenant's change notifications
/// were confirmed within it (PostgreSQL's listener), and a notification drops them at once.
/// </summary>
public sealed class PublishedReadCacheTests
{
    private readonly ManualClock _clock = new();
    private readonly ContentChangeSignal _signal = new();
    private readonly PublishedReadCache _cache;

    public PublishedReadCacheTests() =>
        _cache = new PublishedReadCache(_signal, Options.Create(new ContentsApiOptions { ReadCacheSeconds = 2 }), _clock);

    [Fact]
    public void NotListening_EntryOlderThanLifetime_ReadAgain()
    {
        Fill("haugiang");
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(_cache.TryGet("haugiang", "item", out _, out _));
    }

    [Fact]
    public void Listening_EntryOlderThanLifetime_ServedUntilANotification()
    {
        Fill("haugiang");
        for (var second = 0; second < 10; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            _signal.Listening("haugiang", _clock.GetUtcNow().UtcTicks);
        }
        Assert.True(_cache.TryGet("haugiang", "item", out var json, out _));
        Assert.NotNull(json);

        _signal.Changed("haugiang");
        Assert.False(_cache.TryGet("haugiang", "item", out _, out _));
    }

    [Fact]
    public void ListenerLost_EntriesAgeOutAsWithoutIt()
    {
        Fill("haugiang");
        _clock.Advance(TimeSpan.FromSeconds(5));
        _signal.Listening("haugiang", _clock.GetUtcNow().UtcTicks);
        _signal.NotListening("haugiang");
        Assert.False(_cache.TryGet("haugiang", "item", out _, out _));
    }

    [Fact]
    public void ListenerSilent_LastProofOlderThanLifetime_EntriesAgeOut()
    {
        Fill("haugiang");
        _signal.Listening("haugiang", _clock.GetUtcNow().UtcTicks);
        // A connection that died unnoticed stops proving itself: no entry outlives the lifetime past the last proof.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_cache.TryGet("haugiang", "item", out _, out _));
    }

    [Fact]
    public void OtherTenantListening_DoesNotExtendThisTenant()
    {
        Fill("cantho");
        _clock.Advance(TimeSpan.FromSeconds(3));
        _signal.Listening("haugiang", _clock.GetUtcNow().UtcTicks);
        Assert.False(_cache.TryGet("cantho", "item", out _, out _));
    }

    private void Fill(string tenant)
    {
        Assert.False(_cache.TryGet(tenant, "item", out _, out var stamp));
        _cache.Set(stamp, "item", CachedBody.From("{\"a\":1}"));
        Assert.True(_cache.TryGet(tenant, "item", out _, out _));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
