using Portals.Core.Data;
using Portals.Core.Hosting;
using Portals.Core.Tenants;

namespace Portals.Web.Cli;

/// <summary>
/// <c>db migrate [--tenant &lt;name&gt;]</c>: applies this build's pending migrations to every tenant's database (or
/// one), creating it when new, without starting the server; for operators who migrate before rolling out new nodes.
/// </summary>
public sealed class DbMigrateCommand : ICliCommand
{
    public string Name => "db migrate";

    public string Usage => "db migrate [--tenant <name>]";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<TenantContext> tenants;
        if (arguments.Option("tenant") is null)
        {
            tenants = services.GetRequiredService<TenantRegistry>().All;
        }
        else if (RecipeApplyCommand.TenantOf(services, arguments) is { } tenant)
        {
            tenants = [tenant];
        }
        else
        {
            return 2;
        }
        var database = services.GetRequiredService<TenantDatabase>();
        foreach (var tenant in tenants)
        {
            try
            {
                var applied = await database.MigrateAsync(tenant, cancellationToken);
                await output.WriteLineAsync(applied.Count == 0
                    ? $"{tenant.Name}: up to date."
                    : $"{tenant.Name}: applied {string.Join(", ", applied)}.");
            }
            catch (DatabaseNewerThanCodeException ex)
            {
                await Console.Error.WriteLineAsync("Error: " + ex.Message);
                return 1;
            }
        }
        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
