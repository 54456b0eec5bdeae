using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portals.Core.Audit;
using Portals.Core.Cluster;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Http;
using Portals.Core.Modules;
using Portals.Core.Recipes;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Core;

public static class PortalsCoreServices
{
    /// <summary>Tenants, content store, recipes, users and error mapping: what every module stands on.</summary>
    public static IServiceCollection AddPortalsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalsOptions>().Bind(configuration.GetSection(PortalsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalsOptions>, PortalsOptionsValidator>();
        services.AddOptions<RecipeOptions>().Bind(configuration.GetSection(PortalsOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantStates>();
        services.AddSingleton<ModuleCatalog>();
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<TenantRouteConstraint>(TenantRouteConstraint.Name));

        services.AddSingleton<IDatabaseProvider, SqliteDatabaseProvider>();
        services.AddSingleton<IDatabaseProvider, PostgreSqlDatabaseProvider>();
        services.AddSingleton<TenantDatabase>();
        // The first hosted service, so a node refuses a database newer than its code before anything else reads it.
        // (CLI commands build no host to start; they migrate or check through TenantDatabase themselves.)
        services.AddHostedService<SchemaCheckService>();
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.AddSingleton<ClusterDatabase>();
        services.AddHostedService<ClusterStartupCheck>();
        services.AddSingleton<ContentChangeSignal>();
        services.AddSingleton<IContentStore, EfContentStore>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<IModelContributor, AuditLogModel>();

        services.AddSingleton<RecipeCatalog>();
        services.AddSingleton<RecipeExecutor>();
        services.AddSingleton<RecipeExporter>();
        services.AddSingleton<IRecipeStepHandler, FeatureStep>();
        services.AddSingleton<IRecipeStepHandler, ContentDefinitionStep>();
        services.AddSingleton<IRecipeStepHandler, ContentStep>();
        services.AddSingleton<IRecipeStepHandler, SettingsStep>();
        services.AddSingleton<IRecipeStepHandler, RolesStep>();
        services.AddSingleton<IRecipeStepHandler, RecipesStep>();

        services.AddSingleton<ITenantSetupContributor, AdminUserSetup>();
        services.AddSingleton<TenantInitializer>();

        // Vietnamese letters stay readable in JSON; HTML-sensitive characters are still escaped.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
            // Numbers are numbers both ways; the web default also reads "12" as 12, and the OpenAPI schemas (made from
            // these options) would then type every integer as "integer or string".
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsSetup.Customize);
        services.AddExceptionHandler<ExceptionProblemMapper>();
        return services;
    }

    /// <summary>
    /// Background work of a serving node: tenant setup (migrations, first recipe), scheduled publishing and, on
    /// PostgreSQL, listening for other nodes' commits.
    /// </summary>
    public static IServiceCollection AddPortalsBackgroundServices(this IServiceCollection services)
    {
        services.AddHostedService<TenantSetupService>();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddHostedService<ChangeNotificationListener>();
        return services;
    }

    /// <summary>Resolves the tenant before routing, so tenant routes match host-based requests too.</summary>
    public static IApplicationBuilder UsePortalsTenants(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();
}
