using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Portals.Core.Http;

/// <summary>
/// The <c>Portals:TrustedProxies</c> section. Off by default: the connection's address is the client. When enabled,
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are taken only from the listed proxies or networks, so rate
/// limits and logs see the real client; a forged header from anywhere else is ignored. The Host header is never
/// taken from a forwarded header (tenants are resolved by host).
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "Portals:TrustedProxies";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the reverse proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> Proxies { get; set; } = [];

    /// <summary>Networks of the reverse proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> Networks { get; set; } = [];

    /// <summary>How many proxies in a row may be trusted (entries read from the right of X-Forwarded-For).</summary>
    public int ForwardLimit { get; set; } = 1;

    internal void ApplyTo(ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = ForwardLimit;
        // The defaults trust loopback; only what is configured is trusted.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in Networks)
        {
            forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
        }
    }
}

public sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var errors = new List<string>();
        errors.AddRange(options.Proxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"Portals:TrustedProxies:Proxies: '{p}' is not an IP address."));
        errors.AddRange(options.Networks.Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"Portals:TrustedProxies:Networks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/24)."));
        if (options.Enabled && options.Proxies.Count == 0 && options.Networks.Count == 0)
        {
            errors.Add("Portals:TrustedProxies is enabled but lists no Proxies or Networks.");
        }
        if (options.ForwardLimit is < 1 or > 10)
        {
            errors.Add("Portals:TrustedProxies:ForwardLimit must be between 1 and 10.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
