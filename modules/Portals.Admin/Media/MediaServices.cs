using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portals.Admin.Media;
using Portals.Core.Tenants;

// In the module's root namespace, so Startup registers the media part with one line each.
namespace Portals.Admin;

public static class MediaServices
{
    /// <summary>The media library: options (validated at start-up), the store port and the upload and library services.</summary>
    public static IServiceCollection AddAdminMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        // One line to swap for a shared or object store when several nodes serve a tenant.
        services.TryAddSingleton<IMediaStore, FileSystemMediaStore>();
        services.AddSingleton<MediaUploads>();
        services.AddSingleton<MediaLibrary>();
        return services;
    }

    /// <summary>The public file route <c>/{tenant}/media/{**path}</c>.</summary>
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        MediaEndpoints.Map(endpoints.MapTenantGroup());
        return endpoints;
    }
}
