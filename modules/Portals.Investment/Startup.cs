using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Modules;

namespace Portals.Investment;

public static class Startup
{
    /// <summary>Registers the module; its content types come from its feature recipe when a tenant enables it.</summary>
    public static IServiceCollection AddInvestmentModule(this IServiceCollection services) =>
        services.AddModuleManifest(Manifest.Value);
}
