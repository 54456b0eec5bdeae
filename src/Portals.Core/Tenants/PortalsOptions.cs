using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Portals.Core.Tenants;

/// <summary>The <c>Portals</c> configuration section.</summary>
public sealed class PortalsOptions
{
    public const string Section = "Portals";

    /// <summary>Folder for databases and indexes; relative paths are resolved against the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public Dictionary<string, TenantOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SetupOptions Setup { get; set; } = new();

    /// <summary>How often due schedules are published (seconds, 1 to 3600).</summary>
    public int SchedulePollSeconds { get; set; } = 15;
}

public sealed class SetupOptions
{
    /// <summary>Password of the first <c>admin</c> user in each tenant; a random one is printed once when unset.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Secret of the seeded <c>portals-cli</c> API client; a random one is printed once when unset.</summary>
    public string? ApiClientSecret { get; set; }
}

public sealed class TenantOptions
{
    public string DisplayName { get; set; } = "";
    public string? UrlPrefix { get; set; }
    public List<string> Hosts { get; set; } = [];
    public string DatabaseProvider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }
    public string Theme { get; set; } = "";
    public string? SetupRecipe { get; set; }

    /// <summary>Base of the portal's public URLs (e.g. https://haugiang.gov.vn); when unset, URLs are /{prefix}/{path}.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Cache lifetime for anonymous API reads.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 60;

    /// <summary>Origins allowed to call the API from a browser; <c>*</c> allows any origin for anonymous GET.</summary>
    public List<string> CorsOrigins { get; set; } = ["*"];

    /// <summary>Anonymous requests allowed per IP address per minute.</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 600;
}

/// <summary>Fails start-up on settings that would otherwise break at the first request.</summary>
public sealed partial class PortalsOptionsValidator(IEnumerable<Data.IDatabaseProvider> providers) : IValidateOptions<PortalsOptions>
{
    /// <summary>Only providers registered in this build: a name that passed here but had no provider would fail every request.</summary>
    private readonly HashSet<string> _providers = providers.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, PortalsOptions options)
    {
        var errors = new List<string>();
        if (options.Tenants.Count == 0)
        {
            errors.Add("Portals:Tenants must declare at least one tenant.");
        }
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tenantName, tenant) in options.Tenants)
        {
            if (!TenantName().IsMatch(tenantName))
            {
                errors.Add($"Tenant name '{tenantName}' must be lowercase letters and digits.");
            }
            if (!prefixes.Add(tenant.UrlPrefix ?? tenantName))
            {
                errors.Add($"Tenant '{tenantName}' reuses URL prefix '{tenant.UrlPrefix}'.");
            }
            errors.AddRange(tenant.Hosts.Where(h => !hosts.Add(h)).Select(h => $"Host '{h}' is claimed by two tenants."));
            if (!_providers.Contains(tenant.DatabaseProvider))
            {
                errors.Add($"Tenant '{tenantName}' uses database provider '{tenant.DatabaseProvider}', which this build does not have; "
                    + $"available: {string.Join(", ", _providers.Order(StringComparer.Ordinal))}.");
            }
            else if (!string.Equals(tenant.DatabaseProvider, Data.SqliteDatabaseProvider.ProviderName, StringComparison.OrdinalIgnoreCase)
                && string.IsNullOrWhiteSpace(tenant.ConnectionString))
            {
                // Only SQLite has a default (a file under the data folder); a server must be named.
                errors.Add($"Tenant '{tenantName}' uses {tenant.DatabaseProvider} and needs Portals:Tenants:{tenantName}:ConnectionString.");
            }
            if (tenant.CacheMaxAgeSeconds < 0 || tenant.AnonymousRequestsPerMinute <= 0)
            {
                errors.Add($"Tenant '{tenantName}' has a negative cache age or a non-positive rate limit.");
            }
        }
        if (options.SchedulePollSeconds is < 1 or > 3600)
        {
            errors.Add("Portals:SchedulePollSeconds must be between 1 and 3600.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9]{1,32}$")]
    private static partial Regex TenantName();
}
