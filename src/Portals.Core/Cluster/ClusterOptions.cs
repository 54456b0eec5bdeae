using Microsoft.Extensions.Options;
using Npgsql;

namespace Portals.Core.Cluster;

/// <summary>The <c>Portals:Cluster</c> section: what several nodes behind one load balancer share beyond the tenants' databases.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Portals:Cluster";

    /// <summary>
    /// A PostgreSQL database for cluster state (shared keys, <see cref="ClusterDatabase"/>), e.g.
    /// <c>Host=db;Database=portals_cluster;Username=portals;Password=…</c>; it must exist. Unset: one node, or nodes
    /// sharing the data folder's <c>Keys</c>.
    /// </summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Fails start-up on a connection string Npgsql cannot read or that names no database.</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database)
                ? ValidateOptionsResult.Fail($"{ClusterOptions.Section}:ConnectionString must name a PostgreSQL Host and Database.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{ClusterOptions.Section}:ConnectionString is not a PostgreSQL connection string: {ex.Message}");
        }
    }
}
