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

    [Fact]
    public async Task Start_ClusterConnectionStringWithoutDatabase_FailsNamingTheSetting()
    {
        await using var factory = new SettingsFactory([new("Portals:Cluster:ConnectionString", "Host=127.0.0.1;Username=portals")]);
        var ex = Assert.ThrowsAny<Exception>(() => factory.Server);
        var validation = Assert.IsType<OptionsValidationException>(ex is AggregateException aggregate ? aggregate.InnerExceptions[0] : ex);
        Assert.Contains("Portals:Cluster:ConnectionString must name a PostgreSQL Host and Database.", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClusterDatabaseUnreachable_Fails()
    {
        // Nothing listens on port 1: keys made locally instead would break every token and cookie on the other nodes.
        await using var factory = new SettingsFactory([new("Portals:Cluster:ConnectionString", "Host=127.0.0.1;Port=1;Database=portals_cluster;Timeout=2")]);
        var ex = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains(Flatten(ex), e => e is Npgsql.NpgsqlException);
    }

    private static IEnumerable<Exception> Flatten(Exception ex) =>
        ex is AggregateException aggregate ? aggregate.InnerExceptions.SelectMany(Flatten) : ex.InnerException is { } inner ? [ex, .. Flatten(inner)] : [ex];

    private sealed class SettingsFactory(IEnumerable<KeyValuePair<string, string?>> settings) : PortalsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => settings;
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
