using Microsoft.Extensions.Options;

namespace Portals.Contents;

/// <summary>The content API's keys of the <c>Portals:Api</c> section (tokens and rate limits: <c>ApiSecurityOptions</c>).</summary>
public sealed class ContentsApiOptions
{
    public const string Section = "Portals:Api";

    /// <summary>Largest request body accepted by write routes; larger bodies get a 400 problem.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Longest time a published read is served from memory. Writes in this process clear it at once; this bounds
    /// how long a write by another process (CLI, second node) can go unseen. 0 turns the cache off.
    /// </summary>
    public int ReadCacheSeconds { get; set; } = 2;

    /// <summary>
    /// Largest list response, in bytes. A page that would be larger is answered as a smaller page of the same listing
    /// (see <c>ListContent</c>), so a page of 100 large items is never one huge response.
    /// </summary>
    public long MaxListBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// A list's <c>total</c> is counted up to this many items (or just past the page asked for, if further); beyond it,
    /// <c>total</c> is a lower bound and <c>totalExact</c> is false. Keeps a list's cost flat however many items match.
    /// </summary>
    public int ListTotalLimit { get; set; } = 200;

    /// <summary>The licence the OpenAPI documents name (<c>info.license</c>): the terms partners reuse content under.</summary>
    public string LicenseName { get; set; } = "Content of each portal belongs to its publisher; reuse it under the portal's terms of use.";

    /// <summary>Where those terms are published; unset, a portal's document links the portal itself (its public base URL or API root).</summary>
    public string? LicenseUrl { get; set; }
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
        if (options.ReadCacheSeconds is < 0 or > 3600)
        {
            errors.Add("Portals:Api:ReadCacheSeconds must be between 0 and 3600.");
        }
        if (options.MaxListBytes is < 16 * 1024 or > 256L * 1024 * 1024)
        {
            errors.Add("Portals:Api:MaxListBytes must be between 16 KiB and 256 MiB.");
        }
        if (options.ListTotalLimit is < 1 or > 1_000_000)
        {
            errors.Add("Portals:Api:ListTotalLimit must be between 1 and 1,000,000.");
        }
        if (string.IsNullOrWhiteSpace(options.LicenseName))
        {
            errors.Add("Portals:Api:LicenseName must not be empty (the OpenAPI documents name it).");
        }
        if (options.LicenseUrl is not null && !(Uri.TryCreate(options.LicenseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            errors.Add("Portals:Api:LicenseUrl must be an absolute http or https URL.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
