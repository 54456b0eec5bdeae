using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portals.Core.Tenants;

namespace Portals.Core.Data;

/// <summary>
/// Opens a tenant's database and brings its schema up to date. Caches only the EF options per tenant name
/// (configuration), never rows: every call gets a fresh context.
/// </summary>
public sealed class TenantDatabase(IEnumerable<IDatabaseProvider> providers, IEnumerable<IModelContributor> contributors)
{
    private readonly IReadOnlyList<IModelContributor> _contributors = contributors.ToList();
    private readonly ConcurrentDictionary<string, DbContextOptions<PortalsDbContext>> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IDatabaseProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The model contributors every context is built with (the host's: core and modules).</summary>
    public IReadOnlyList<IModelContributor> Contributors => _contributors;

    public PortalsDbContext Open(TenantContext tenant)
    {
        var provider = Provider(tenant);
        return new(_options.GetOrAdd(tenant.Name, _ => BuildOptions(tenant, provider)), _contributors) { Provider = provider };
    }

    /// <summary>A new, closed connection for reads without EF Core (see <see cref="IDatabaseProvider.CreateReadConnection"/>).</summary>
    internal System.Data.Common.DbConnection CreateReadConnection(TenantContext tenant) => Provider(tenant).CreateReadConnection(tenant);

    internal IDatabaseProvider ProviderOf(TenantContext tenant) => Provider(tenant);

    /// <summary>
    /// Applies this build's pending migrations, creating the database when it does not exist. Refuses, with
    /// <see cref="DatabaseNewerThanCodeException"/>, a database that a newer build has migrated. Returns the ids applied.
    /// Nodes starting at once take turns (<see cref="IDatabaseProvider.LockSchemaAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(tenant.DataFolder);
        var provider = Provider(tenant);
        await using var context = Open(tenant);
        MigrationStatus status;
        await using (await provider.LockSchemaAsync(context, tenant, cancellationToken))
        {
            status = await TenantMigrations.StatusAsync(context, cancellationToken);
            if (status.Unknown.Count > 0)
            {
                throw new DatabaseNewerThanCodeException(tenant.Name, status);
            }
            if (status.Legacy)
            {
                await TenantMigrations.BaselineAsync(context, cancellationToken);
                status = await TenantMigrations.StatusAsync(context, cancellationToken);
            }
            if (status.Pending.Count > 0)
            {
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
        await provider.InitializeAsync(context, cancellationToken);
        return status.Pending;
    }

    /// <summary>Which of this build's migrations the tenant's database has, lacks, or has beyond them; reads only.</summary>
    public async Task<MigrationStatus> GetMigrationStatusAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var context = Open(tenant);
        return await TenantMigrations.StatusAsync(context, cancellationToken);
    }

    private static DbContextOptions<PortalsDbContext> BuildOptions(TenantContext tenant, IDatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<PortalsDbContext>();
        provider.Configure(builder, tenant);
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        builder.ReplaceService<IModelCacheKeyFactory, ContributorModelCacheKeyFactory>();
        // A context built with fewer contributors than the migrations cover (a store test without a module's tables)
        // differs from the snapshot by design; that the host's full model matches is checked by a test instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder.Options;
    }

    private IDatabaseProvider Provider(TenantContext tenant) =>
        _providers.TryGetValue(tenant.DatabaseProvider, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database provider '{tenant.DatabaseProvider}' is not registered for tenant '{tenant.Name}'.");
}
