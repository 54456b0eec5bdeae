using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Modules;

namespace Portals.Contents;

public static class Startup
{
    public static IServiceCollection AddContentsModule(this IServiceCollection services) =>
        services.AddModuleManifest(Manifest.Value);
}
