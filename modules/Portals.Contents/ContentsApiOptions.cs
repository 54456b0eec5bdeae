using Microsoft.Extensions.Options;

namespace Portals.Contents;

/// <summary>The <c>Portals:Api</c> configuration section.</summary>
public sealed class ContentsApiOptions
{
    public const string Section = "Portals:Api";

    /// <summary>Largest request body accepted by write routes; larger bodies get a 400 problem.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Issuer stamped into tokens. One issuer for the node: the tenant is a claim, checked on every request.</summary>
    public string Issuer { get; set; } = "https://portals.local/";

    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// Requests per minute per IP address that carry an Authorization header. Counted before the token is checked,
    /// so a flood of bad tokens is throttled too; far above the anonymous budget, for integrators pushing content.
    /// </summary>
    public int BearerRequestsPerMinute { get; set; } = 6000;

    /// <summary>
    /// Longest time a published read is served from memory. Writes in this process clear it at once; this bounds
    /// how long a write by another process (CLI, second node) can go unseen. 0 turns the cache off.
    /// </summary>
    public int ReadCacheSeconds { get; set; } = 2;

    /// <summary>
    /// Folder of the token signing and encryption keys (PEM); relative to the data folder. Persisted so that
    /// tokens stay valid across restarts; losing the folder only forces clients to ask for a new token.
    /// </summary>
    public string KeysPath { get; set; } = "Keys";
}

public sealed class ContentsApiOptionsValidator : IValidateOptions<ContentsApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentsApiOptions options)
    {
        var errors = new List<string>();
        if (options.MaxBodyBytes is < 1024 or > 64L * 1024 * 1024)
        {
            errors.Add("Portals:Api:MaxBodyBytes must be between 1 KiB and 64 MiB.");
        }
        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out _))
        {
            errors.Add("Portals:Api:Issuer must be an absolute URI.");
        }
        if (options.AccessTokenLifetimeMinutes is < 1 or > 24 * 60)
        {
            errors.Add("Portals:Api:AccessTokenLifetimeMinutes must be between 1 and 1440.");
        }
        if (options.BearerRequestsPerMinute <= 0)
        {
            errors.Add("Portals:Api:BearerRequestsPerMinute must be positive.");
        }
        if (options.ReadCacheSeconds is < 0 or > 3600)
        {
            errors.Add("Portals:Api:ReadCacheSeconds must be between 0 and 3600.");
        }
        if (string.IsNullOrWhiteSpace(options.KeysPath))
        {
            errors.Add("Portals:Api:KeysPath must not be empty.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
