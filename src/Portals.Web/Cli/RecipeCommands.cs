using System.Text.Json;
using Portals.Core.Content;
using Portals.Core.Hosting;
using Portals.Core.Recipes;
using Portals.Core.Tenants;

namespace Portals.Web.Cli;

/// <summary><c>recipe apply &lt;file&gt; --tenant &lt;name&gt;</c>: one transaction; an error leaves the tenant as it was.</summary>
public sealed class RecipeApplyCommand : ICliCommand
{
    public string Name => "recipe apply";

    public string Usage => "recipe apply <file.recipe.json> --tenant <name>";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count < 3 || TenantOf(services, arguments) is not { } tenant)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        var file = arguments.Positional[2];
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"File not found: {file}");
            return 2;
        }
        try
        {
            await services.GetRequiredService<TenantInitializer>().InitializeAsync(tenant, cancellationToken);
            var recipe = RecipeCatalog.Load(file);
            await Console.Error.WriteLineAsync($"Applying '{recipe.Name}' ({recipe.Steps.Count} steps) to tenant '{tenant.Name}'…");
            await services.GetRequiredService<RecipeExecutor>().ApplyAsync(tenant, recipe, new ConsoleProgress(), cancellationToken);
            await Console.Error.WriteLineAsync($"Applied '{recipe.Name}' to tenant '{tenant.Name}'.");
            return 0;
        }
        catch (Exception ex) when (ex is RecipeException or ContentValidationException)
        {
            await Console.Error.WriteLineAsync("Error: " + ex.Message);
            await Console.Error.WriteLineAsync("Nothing was changed.");
            return 1;
        }
    }

    /// <summary>One line per 250 entries of a long step, written synchronously so it reads in order with the rest.</summary>
    private sealed class ConsoleProgress : IProgress<RecipeProgress>
    {
        private (string, int) _step;
        private int _printed;

        public void Report(RecipeProgress value)
        {
            if (_step != (value.Recipe, value.StepIndex))
            {
                _step = (value.Recipe, value.StepIndex);
                _printed = 0;
            }
            if (value.Done - _printed >= 250 || (value.Done == value.Total && value.Done != _printed))
            {
                _printed = value.Done;
                Console.Error.WriteLine($"  {value.Recipe}, step {value.StepIndex} ({value.StepName}): {value.Done}/{value.Total}");
            }
        }
    }

    internal static TenantContext? TenantOf(IServiceProvider services, CliArguments arguments)
    {
        var name = arguments.Option("tenant");
        var tenant = name is null ? null : services.GetRequiredService<TenantRegistry>().Find(name);
        if (name is not null && tenant is null)
        {
            Console.Error.WriteLine($"Unknown tenant '{name}'.");
        }
        return tenant;
    }
}

/// <summary><c>recipe export --tenant &lt;name&gt;</c>: writes the tenant as a recipe to stdout.</summary>
public sealed class RecipeExportCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Indented = new(ContentItem.JsonOptions) { WriteIndented = true };

    public string Name => "recipe export";

    public string Usage => "recipe export --tenant <name> > tenant.recipe.json";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (RecipeApplyCommand.TenantOf(services, arguments) is not { } tenant)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        await services.GetRequiredService<TenantInitializer>().InitializeAsync(tenant, cancellationToken);
        var recipe = await services.GetRequiredService<RecipeExporter>().ExportAsync(tenant, cancellationToken);
        await output.WriteLineAsync(recipe.ToJsonString(Indented));
        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
