using System.Reflection;
using Microsoft.EntityFrameworkCore.Design;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Web.Hosting;

/// <summary>
/// The model <c>dotnet ef</c> generates migrations from (<c>src/Portals.Migrations/add-migration.sh</c>): the core
/// tables plus every <see cref="IModelContributor"/> found in the Portals assemblies this host is built from, for the
/// provider named after <c>--</c> (<c>Sqlite</c> or <c>PostgreSQL</c>). A test checks that the running host's model
/// (its registered contributors) has no change the migrations lack, so this scan and the registrations cannot drift.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalsDbContext>
{
    public PortalsDbContext CreateDbContext(string[] args)
    {
        var name = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault()
            ?? throw new ArgumentException("Name the provider: dotnet ef … -- --provider Sqlite|PostgreSQL");
        IDatabaseProvider provider = name.Equals(PostgreSqlDatabaseProvider.ProviderName, StringComparison.OrdinalIgnoreCase)
            ? new PostgreSqlDatabaseProvider()
            : new SqliteDatabaseProvider();
        // Generating a migration never connects; the connection string only has to parse.
        var connection = provider is PostgreSqlDatabaseProvider ? "Host=localhost;Database=portals_design" : "Data Source=portals-design.db";
        var tenant = new TenantContext("design", "design", "design", [], provider.Name, connection, Path.GetTempPath(), null, new TenantOptions());
        return new TenantDatabase([provider], Contributors()).Open(tenant);
    }

    /// <summary>Every contributor type in the Portals assemblies reachable from the host, in a stable order.</summary>
    public static IReadOnlyList<IModelContributor> Contributors()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(DesignTimeDbContextFactory).Assembly]);
        var types = new List<Type>();
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }
            types.AddRange(assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModelContributor).IsAssignableFrom(t)));
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Portals.", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }
        return types.OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => (IModelContributor)Activator.CreateInstance(t)!).ToList();
    }
}
