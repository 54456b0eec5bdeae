using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Portals.Admin.Assets;
using Portals.Admin.Content;
using Portals.Admin.Http;
using Portals.Admin.Identity;
using Portals.Core.Cluster;
using Portals.Core.Modules;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Admin;

public static class Startup
{
    /// <summary>The editors' workspace: Razor Pages under /{tenant}/admin, cookie sign-in per tenant, bundles.</summary>
    public static IServiceCollection AddAdminModule(this IServiceCollection services)
    {
        services.AddModuleManifest(Manifest.Value);
        services.AddPermissions(Manifest.Value.Id,
            Permissions.AccessAdminPanel, Permissions.ManageUsers, Permissions.ManageRoles, Permissions.ManageApiClients,
            Permissions.ManageTaxonomies, Permissions.ViewAuditLog, Permissions.ManageSettings);
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<RoleEditing>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<AdminAssets>();
        services.AddSingleton<PasswordSignIn>();
        services.AddAdminMedia();
        services.AddSingleton<IUrlHelperFactory, TenantUrlHelperFactory>();
        services.AddAdminContent();
        // Vietnamese letters stay letters in the HTML (the default encoder writes them as &#x…; entities).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.AddAdminAuthentication();
        services.AddAdminDataProtection();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "portals.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.Replace(ServiceDescriptor.Singleton<IAntiforgeryAdditionalDataProvider, TenantAntiforgeryData>());
        services.AddRazorPages(o =>
        {
            o.Conventions.AddAreaFolderRouteModelConvention(AdminArea.Name, "/", AdminArea.Route);
            o.Conventions.AddAreaFolderApplicationModelConvention(AdminArea.Name, "/", AdminArea.Filters);
            o.Conventions.AuthorizeAreaFolder(AdminArea.Name, "/", AdminPolicies.SignedIn);
            o.Conventions.AllowAnonymousToAreaPage(AdminArea.Name, "/Login");
        })
            .AddApplicationPart(typeof(Manifest).Assembly)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(AdminText)));
        return services;
    }

    /// <summary>The admin pages (Razor Pages endpoints) and the bundle endpoint, all under /{tenant}/admin.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        AdminAssets.Map(endpoints.MapTenantGroup("/admin"));
        endpoints.MapMediaEndpoints();
        endpoints.MapRazorPages();
        return endpoints;
    }

    /// <summary>
    /// Cookie and antiforgery keys in the cluster database when <c>Portals:Cluster:ConnectionString</c> is set,
    /// otherwise in the data folder (shared by every node over it): sessions survive restarts and work behind a load
    /// balancer without sticky sessions.
    /// </summary>
    private static void AddAdminDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Portals");
        services.AddOptions<KeyManagementOptions>().Configure<TenantRegistry, ILoggerFactory, ClusterDatabase>((keys, registry, loggers, cluster) =>
            keys.XmlRepository = cluster.Configured
                ? new ClusterXmlRepository(cluster)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(registry.DataRoot, "Keys", "DataProtection")), loggers));
    }
}
