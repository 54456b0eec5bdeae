using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portals.Core.Data;
using Portals.Core.Security.Tokens;
using Portals.Core.Tenants;

namespace Portals.Core.Security;

/// <summary>
/// Whether a token's client still exists and is enabled, asked on every authenticated request. The answer is kept
/// for <c>Portals:Api:ClientStatusCacheSeconds</c> (at most 60 s) under tenant + client id, and holds nothing else;
/// <see cref="ApiClients"/> forgets an entry when it changes that client, so in this process a change is immediate.
/// </summary>
public sealed class ApiClientStatus(TenantDatabase database, IOptions<ApiSecurityOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Tenant, string ClientId), Entry> _entries = new();
    private long _generation;
    private readonly long _lifetimeTicks = TimeSpan.FromSeconds(options.Value.ClientStatusCacheSeconds).Ticks;

    public async ValueTask<bool> IsActiveAsync(TenantContext tenant, string clientId, CancellationToken cancellationToken)
    {
        var key = (tenant.Name, clientId);
        var now = clock.GetUtcNow().UtcTicks;
        if (_entries.TryGetValue(key, out var entry) && now - entry.CheckedTicks < _lifetimeTicks)
        {
            return entry.Active;
        }
        var generation = Volatile.Read(ref _generation);
        bool active;
        await using (var db = database.Open(tenant))
        {
            active = await db.Set<ApiClientRecord>().AnyAsync(c => c.ClientId == clientId && c.Enabled, cancellationToken);
        }
        // A change made while this read ran may not be in it: then the answer is used once but not kept.
        if (_lifetimeTicks > 0 && Volatile.Read(ref _generation) == generation)
        {
            _entries[key] = new Entry(active, now);
        }
        return active;
    }

    public void Forget(TenantContext tenant, string clientId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove((tenant.Name, clientId), out _);
    }

    private sealed record Entry(bool Active, long CheckedTicks);
}
