using Microsoft.Extensions.Options;

namespace Portals.Core.Security.Tokens;

/// <summary>
/// Tokens, API clients and request budgets of the JSON API, shared by every module (section <c>Portals:Api</c>;
/// the Contents module reads its own keys from the same section).
/// </summary>
public sealed class ApiSecurityOptions
{
    public const string Section = "Portals:Api";

    /// <summary>Issuer stamped into tokens. One issuer for the node: the tenant is a claim, checked on every request.</summary>
    public string Issuer { get; set; } = "https://portals.local/";

    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// Folder of the token signing and encryption keys (PEM) and of the client-secret hashing key; relative to the
    /// data folder. Persisted so that tokens and secrets stay valid across restarts; every node must share it.
    /// </summary>
    public string KeysPath { get; set; } = "Keys";

    /// <summary>
    /// Requests per minute per IP address that carry an Authorization header. Counted before the token is checked,
    /// so a flood of bad tokens is throttled too; far above the anonymous budget, for integrators pushing content.
    /// </summary>
    public int BearerRequestsPerMinute { get; set; } = 6000;

    /// <summary>Token requests per minute per IP address and tenant, failed ones included.</summary>
    public int TokenRequestsPerMinute { get; set; } = 60;

    /// <summary>Anonymous requests per minute per IP address on routes outside any tenant (e.g. <c>/api/search</c>).</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// How long the answer "this client exists and is enabled" is reused before the tenant database is asked again.
    /// Disabling or deleting a client in this process takes effect at once; in another process, within this time.
    /// </summary>
    public int ClientStatusCacheSeconds { get; set; } = 30;
}

public sealed class ApiSecurityOptionsValidator : IValidateOptions<ApiSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiSecurityOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out _))
        {
            errors.Add("Portals:Api:Issuer must be an absolute URI.");
        }
        if (options.AccessTokenLifetimeMinutes is < 1 or > 24 * 60)
        {
            errors.Add("Portals:Api:AccessTokenLifetimeMinutes must be between 1 and 1440.");
        }
        if (string.IsNullOrWhiteSpace(options.KeysPath))
        {
            errors.Add("Portals:Api:KeysPath must not be empty.");
        }
        if (options.BearerRequestsPerMinute <= 0 || options.TokenRequestsPerMinute <= 0 || options.AnonymousRequestsPerMinute <= 0)
        {
            errors.Add("Portals:Api:BearerRequestsPerMinute, TokenRequestsPerMinute and AnonymousRequestsPerMinute must be positive.");
        }
        if (options.ClientStatusCacheSeconds is < 0 or > 60)
        {
            errors.Add("Portals:Api:ClientStatusCacheSeconds must be between 0 and 60.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
