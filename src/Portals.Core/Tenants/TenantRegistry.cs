using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portals.Core.Tenants;

/// <summary>The configured tenants, built once from validated options.</summary>
public sealed class TenantRegistry
{
    private readonly Dictionary<string, TenantContext> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TenantContext> _byPrefix = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TenantContext> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public TenantRegistry(IOptions<PortalsOptions> options, IHostEnvironment environment)
    {
        var value = options.Value;
        DataRoot = Path.GetFullPath(Path.Combine(environment.ContentRootPath, value.DataPath));
        foreach (var (name, tenant) in value.Tenants)
        {
            var folder = Path.Combine(DataRoot, "Sites", name);
            var connection = string.IsNullOrWhiteSpace(tenant.ConnectionString)
                ? $"Data Source={Path.Combine(folder, "portals.db")};Pooling=True"
                : tenant.ConnectionString;
            var context = new TenantContext(name, tenant.DisplayName, tenant.UrlPrefix ?? name, tenant.Hosts,
                tenant.DatabaseProvider, connection, folder, tenant.SetupRecipe, tenant);
            _byName[name] = context;
            _byPrefix[context.UrlPrefix] = context;
            foreach (var host in tenant.Hosts)
            {
                _byHost[host] = context;
            }
        }
    }

    /// <summary>Absolute data folder (databases, search index).</summary>
    public string DataRoot { get; }

    public IReadOnlyCollection<TenantContext> All => _byName.Values;

    public TenantContext? Find(string name) => _byName.GetValueOrDefault(name);

    public TenantContext? FindByHost(string host) => _byHost.GetValueOrDefault(host);

    public TenantContext? FindByPrefix(string prefix) => _byPrefix.GetValueOrDefault(prefix);

    public TenantContext Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"Unknown tenant '{name}'. Known: {string.Join(", ", _byName.Keys)}.");
}
