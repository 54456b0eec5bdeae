using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portals.Contents.Endpoints;
using Portals.Contents.Http;
using Portals.Contents.OpenApi;
using Portals.Contents.Security;
using Portals.Core.Http;
using Portals.Core.Modules;
using Portals.Core.Tenants;

namespace Portals.Contents;

public static class Startup
{
    /// <summary>The content API: its options, the published-read cache and OpenAPI. Tokens, CORS and rate limits come from the core (<c>AddPortalsHttp</c>).</summary>
    public static IServiceCollection AddContentsModule(this IServiceCollection services)
    {
        services.AddModuleManifest(Manifest.Value);
        services.AddOptions<ContentsApiOptions>().BindConfiguration(ContentsApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentsApiOptions>, ContentsApiOptionsValidator>();
        services.AddSingleton<PublishedReadCache>();
        services.AddSingleton<IAuthorizationHandler, EditImpliesEditOwnHandler>();
        services.AddApiDocs();
        return services;
    }

    public static IEndpointRouteBuilder MapContentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapTenantGroup().WithPortalsApiPolicies();
        Feeds.Map(tenant);

        var api = tenant.MapGroup("/api").WithTags("Content");
        ContentTypes.Map(api);
        var content = api.MapGroup("/content");
        ReadContent.Map(content);
        ListContent.Map(content);
        UpsertContent.Map(content);
        PublishContent.Map(content);

        endpoints.MapApiDocs();
        return endpoints;
    }
}
