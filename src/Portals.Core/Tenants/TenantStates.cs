using System.Collections.Concurrent;

namespace Portals.Core.Tenants;

public enum TenantState
{
    SettingUp,
    Running,
    Failed,
}

/// <summary>Lifecycle state per tenant name. Holds no content, only whether the tenant can serve.</summary>
public sealed class TenantStates
{
    private readonly ConcurrentDictionary<string, TenantState> _states = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _ready = new(StringComparer.OrdinalIgnoreCase);

    public TenantState Get(string tenant) => _states.GetValueOrDefault(tenant, TenantState.SettingUp);

    public void Set(string tenant, TenantState state)
    {
        _states[tenant] = state;
        if (state != TenantState.SettingUp)
        {
            ReadySource(tenant).TrySetResult();
        }
    }

    /// <summary>Completes when the tenant has finished setting up, successfully or not.</summary>
    public Task WhenSetUp(string tenant) => ReadySource(tenant).Task;

    private TaskCompletionSource ReadySource(string tenant) =>
        _ready.GetOrAdd(tenant, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
