using System.Net;
using Microsoft.AspNetCore.Http;
using Portals.Testing;

namespace Portals.Web.Tests.Http;

/// <summary>One trusted proxy (10.0.0.1); two anonymous requests a minute per client in cantho and outside any tenant.</summary>
public sealed class TrustedProxyFactory : PortalsFactory
{
    public const string Proxy = "10.0.0.1";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Portals:TrustedProxies:Enabled", "true"),
        new("Portals:TrustedProxies:Proxies:0", Proxy),
        new("Portals:Tenants:cantho:AnonymousRequestsPerMinute", "2"),
        new("Portals:Api:AnonymousRequestsPerMinute", "2"),
    ];
}

/// <summary>Issue 7, defect 11: rate limits see the real client behind a configured proxy, and search is limited too.</summary>
public sealed class TrustedProxyTests(TrustedProxyFactory factory) : IClassFixture<TrustedProxyFactory>
{
    private const string Item = "/cantho/api/content/ct-du-an-ql61c";

    [Fact]
    public async Task BehindTrustedProxy_EachForwardedClientHasItsOwnBudget()
    {
        Assert.Equal([200, 200, 429], await StatusesAsync(3, Item, TrustedProxyFactory.Proxy, _ => "203.0.113.10"));
        // Another client behind the same proxy is not held back by the first.
        Assert.Equal([200], await StatusesAsync(1, Item, TrustedProxyFactory.Proxy, _ => "203.0.113.11"));
    }

    [Fact]
    public async Task ForgedForwardedFor_FromAnUntrustedAddress_IsIgnored()
    {
        // A fresh forged address per request would escape the limit if the header were believed.
        Assert.Equal([200, 200, 429], await StatusesAsync(3, Item, "198.51.100.7", i => $"192.0.2.{i + 1}"));
    }

    [Theory]
    [InlineData("/api/search", "198.51.100.20")]
    [InlineData("/cantho/api/search", "198.51.100.21")]
    public async Task Search_IsUnderTheAnonymousLimit(string path, string address)
    {
        var statuses = await StatusesAsync(3, path + "?q=kenh+xang+xa+no", address, _ => null);
        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public void Startup_TrustedProxiesWithoutAnyProxy_FailsFast()
    {
        using var broken = new NoProxyFactory();
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("TrustedProxies", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<List<int>> StatusesAsync(int count, string url, string remote, Func<int, string?> forwardedFor)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var forwarded = forwardedFor(i);
            var context = await factory.Server.SendAsync(c =>
            {
                var question = url.IndexOf('?', StringComparison.Ordinal);
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = question < 0 ? url : url[..question];
                c.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(url[question..]);
                c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
                if (forwarded is not null)
                {
                    c.Request.Headers["X-Forwarded-For"] = forwarded;
                }
            });
            statuses.Add(context.Response.StatusCode);
        }
        return statuses;
    }

    private sealed class NoProxyFactory : PortalsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Portals:TrustedProxies:Enabled", "true")];
    }
}
