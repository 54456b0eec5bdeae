using Microsoft.Extensions.Options;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>Settings that would break at the first request stop the start instead, with a message that says why.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task Start_TenantOnProviderThisBuildLacks_FailsNamingProvider()
    {
        await using var factory = new UnavailableProviderFactory();
        var ex = Assert.ThrowsAny<Exception>(() => factory.Server);
        var validation = Assert.IsType<OptionsValidationException>(ex is AggregateException aggregate ? aggregate.InnerExceptions[0] : ex);
        Assert.Contains("'Postgres', which this build does not have; available: PostgreSQL, Sqlite", validation.Message, StringComparison.Ordinal);
    }

    private sealed class UnavailableProviderFactory : PortalsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Portals:Tenants:cantho:DatabaseProvider", "Postgres"),
            new("Portals:Tenants:cantho:ConnectionString", "Host=127.0.0.1;Database=cantho"),
        ];
    }
}
