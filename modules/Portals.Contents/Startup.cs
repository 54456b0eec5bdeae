using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portals.Contents.Endpoints;
using Portals.Contents.Http;
using Portals.Contents.OpenApi;
using Portals.Contents.Security;
using Portals.Core.Data;
using Portals.Core.Modules;
using Portals.Core.Tenants;

namespace Portals.Contents;

public static class Startup
{
    /// <summary>The content API: token server, permissions, CORS, rate limiting, OpenAPI and the ApiClients table.</summary>
    public static IServiceCollection AddContentsModule(this IServiceCollection services)
    {
        services.AddModuleManifest(Manifest.Value);
        services.AddOptions<ContentsApiOptions>().BindConfiguration(ContentsApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentsApiOptions>, ContentsApiOptionsValidator>();
        services.AddSingleton<IModelContributor, ApiClientsModel>();
        services.AddSingleton<ITenantSetupContributor, ApiClientSetup>();

        services.AddApiAuthentication();
        services.AddHttpContextAccessor();
        services.AddSingleton<ContentPermissions>();
        services.AddSingleton<PublishedReadCache>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, NoInvalidTokenHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddAuthorization(ContentPolicies.Add);

        services.AddCors();
        services.Replace(ServiceDescriptor.Transient<ICorsPolicyProvider, ContentsCorsPolicyProvider>());
        services.AddContentsRateLimiting();
        services.AddApiDocs();
        return services;
    }

    /// <summary>
    /// The middleware the API needs, after routing: CORS, the token server, rate limits, authorization. Bearer tokens
    /// are authenticated by the policies themselves; the authentication middleware only has to run OpenIddict's
    /// request handling, so it is skipped for anonymous requests (the public reads, the hot path).
    /// </summary>
    public static IApplicationBuilder UseContentsApi(this IApplicationBuilder app)
    {
        // WebApplication adds UseAuthentication() at the very start of the pipeline (before tenant resolution) unless
        // the app builder carries this flag, which UseAuthentication() inside a branch cannot set on the main builder.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        return app
            .UseCors()
            .UseWhen(NeedsOpenIddict, openIddict => openIddict.UseAuthentication())
            .UseRateLimiter()
            .UseAuthorization();
    }

    /// <summary>OpenIddict's server handles token requests; its validation needs a request-level context for bearer tokens.</summary>
    private static bool NeedsOpenIddict(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0
        || context.Request.Path.Value?.EndsWith("/connect/token", StringComparison.OrdinalIgnoreCase) == true;

    public static IEndpointRouteBuilder MapContentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapTenantGroup()
            .WithMetadata(ContentsApiMetadata.Instance)
            .RequireCors(ContentsCorsPolicyProvider.PolicyName)
            .RequireRateLimiting(ContentsRateLimiting.PolicyName)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        tenant.MapTokenEndpoint();
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
