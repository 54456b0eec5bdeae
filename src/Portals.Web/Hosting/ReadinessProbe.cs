using Microsoft.Extensions.Options;
using Portals.Core.Data;
using Portals.Core.Tenants;
using Portals.Search.Telemetry;

namespace Portals.Web.Hosting;

/// <summary>One tenant's readiness on this node; <see cref="Problems"/> empty means ready.</summary>
public sealed record TenantReadiness(string State, bool DatabaseReachable, int PendingMigrations, long? IndexLag, IReadOnlyList<string> Problems);

/// <summary>The node's readiness: every configured tenant's.</summary>
public sealed record Readiness(bool Ready, IReadOnlyDictionary<string, TenantReadiness> Tenants);

/// <summary>
/// Answers <c>/health/ready</c>: for each tenant, running, its database reachable with no pending migration, and the
/// search index within <see cref="HealthOptions.MaxIndexLag"/> changes of its change log. One answer is shared by
/// every probe for <see cref="HealthOptions.ProbeCacheSeconds"/>; holds states and counts only, never content.
/// </summary>
public sealed class ReadinessProbe(
    TenantRegistry registry, TenantStates states, TenantDatabase database, IndexLag lag, IOptions<HealthOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private (Task<Readiness> Answer, long Expires)? _cached;

    public Task<Readiness> CheckAsync()
    {
        var now = clock.GetTimestamp();
        lock (_gate)
        {
            if (_cached is { } cached && now < cached.Expires)
            {
                return cached.Answer;
            }
            // Not the caller's token: the answer is shared by every probe until it expires.
            var answer = MeasureAsync();
            _cached = (answer, now + (long)(options.Value.ProbeCacheSeconds * clock.TimestampFrequency));
            return answer;
        }
    }

    private async Task<Readiness> MeasureAsync()
    {
        var tenants = registry.All.ToList();
        var readings = await Task.WhenAll(tenants.Select(CheckTenantAsync));
        return new Readiness(readings.All(r => r.Problems.Count == 0),
            tenants.Zip(readings).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.OrdinalIgnoreCase));
    }

    private async Task<TenantReadiness> CheckTenantAsync(TenantContext tenant)
    {
        var settings = options.Value;
        var problems = new List<string>();
        var state = states.Get(tenant.Name);
        if (state != TenantState.Running)
        {
            problems.Add(state == TenantState.Failed ? $"{tenant.Name}: setup failed" : $"{tenant.Name}: setting up");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.DatabaseTimeoutSeconds));
        MigrationStatus status;
        try
        {
            status = await database.GetMigrationStatusAsync(tenant, timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the driver throws (refused, timed out, bad file), the database cannot serve; the message says which.
            problems.Add($"{tenant.Name}: database unreachable ({ex.GetType().Name})");
            return new TenantReadiness(state.ToString(), false, 0, null, problems);
        }
        if (status.Pending.Count > 0 || status.Legacy)
        {
            problems.Add($"{tenant.Name}: {status.Pending.Count} pending migration(s)");
        }
        if (status.Unknown.Count > 0)
        {
            problems.Add($"{tenant.Name}: database newer than this node ({string.Join(", ", status.Unknown)})");
        }
        long? indexLag = null;
        if (state == TenantState.Running && status.UpToDate)
        {
            try
            {
                indexLag = (await lag.ReadAsync(tenant, timeout.Token)).Lag;
                if (indexLag > settings.MaxIndexLag)
                {
                    problems.Add($"{tenant.Name}: search index {indexLag} changes behind (at most {settings.MaxIndexLag})");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add($"{tenant.Name}: change log or search index unreadable ({ex.GetType().Name})");
            }
        }
        return new TenantReadiness(state.ToString(), true, status.Pending.Count, indexLag, problems);
    }
}
