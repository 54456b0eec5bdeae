using Microsoft.Extensions.Options;

namespace Portals.Web.Hosting;

/// <summary>The <c>Portals:Health</c> section: what <c>/health/ready</c> tolerates.</summary>
public sealed class HealthOptions
{
    public const string Section = "Portals:Health";

    /// <summary>
    /// Changes a tenant's change log may hold beyond this node's search index before the node stops being ready. Keep
    /// it well above what a bulk import makes at once: every node reads the same log, so a tight value takes them all
    /// out of the load balancer together while they catch up.
    /// </summary>
    public int MaxIndexLag { get; set; } = 1000;

    /// <summary>How long one readiness answer is reused, so probes from many load balancers cost one database round.</summary>
    public double ProbeCacheSeconds { get; set; } = 1;

    /// <summary>
    /// Probe requests (<c>/health/live</c>, <c>/health/ready</c>) per client address per minute: far above what load
    /// balancers send (one every second or two per balancer), far below what would make the probe a load of its own.
    /// Separate from the API's anonymous budget, so a busy balancer address never fails its own probes.
    /// </summary>
    public int RequestsPerMinute { get; set; } = 6000;

    /// <summary>How long a tenant's database may take to answer before it counts as unreachable.</summary>
    public double DatabaseTimeoutSeconds { get; set; } = 3;
}

public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new List<string>();
        if (options.MaxIndexLag < 0)
        {
            errors.Add($"{HealthOptions.Section}:MaxIndexLag must be 0 or more (0: the index must hold every change).");
        }
        if (options.RequestsPerMinute <= 0)
        {
            errors.Add($"{HealthOptions.Section}:RequestsPerMinute must be positive.");
        }
        if (options.ProbeCacheSeconds is < 0 or > 60)
        {
            errors.Add($"{HealthOptions.Section}:ProbeCacheSeconds must be between 0 and 60.");
        }
        if (options.DatabaseTimeoutSeconds is < 0.1 or > 60)
        {
            errors.Add($"{HealthOptions.Section}:DatabaseTimeoutSeconds must be between 0.1 and 60.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
