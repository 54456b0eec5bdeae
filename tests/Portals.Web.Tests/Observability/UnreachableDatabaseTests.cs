using System.Net;
using Portals.Core.Tenants;
using Portals.Testing;

namespace Portals.Web.Tests.Observability;

/// <summary>A tenant whose database does not answer makes the node unready, naming that tenant only.</summary>
public sealed class UnreachableDatabaseTests(UnreachableDatabaseTests.Factory factory) : IClassFixture<UnreachableDatabaseTests.Factory>
{
    [Fact]
    public async Task Ready_DatabaseUnreachable_503NamingTheTenantsDatabase()
    {
        // Even were the tenant marked running (its database went away after setup), the probe asks the database itself.
        factory.Service<TenantStates>().Set("cantho", TenantState.Running);

        using var response = await factory.CreateClient().GetAsync("/health/ready");
        var problem = await ApiTestKit.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);

        Assert.StartsWith("cantho: database unreachable", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(problem["tenants"]!["cantho"]!["databaseReachable"]!.GetValue<bool>());
        Assert.Empty(problem["tenants"]!["haugiang"]!["problems"]!.AsArray());
    }

    /// <summary>Cần Thơ on a PostgreSQL address where nothing listens (port 1 of loopback: refused at once).</summary>
    public sealed class Factory : PortalsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Portals:Tenants:cantho:DatabaseProvider", "PostgreSQL"),
            new("Portals:Tenants:cantho:ConnectionString", "Host=127.0.0.1;Port=1;Database=portals_cantho;Username=portals;Timeout=2"),
            new("Portals:Health:ProbeCacheSeconds", "0"),
        ];

        public override async Task InitializeAsync()
        {
            _ = Server;
            var states = Service<TenantStates>();
            await states.WhenSetUp("haugiang").WaitAsync(TimeSpan.FromMinutes(2));
            await states.WhenSetUp("cantho").WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(TenantState.Running, states.Get("haugiang"));
            Assert.Equal(TenantState.Failed, states.Get("cantho"));
        }
    }
}
