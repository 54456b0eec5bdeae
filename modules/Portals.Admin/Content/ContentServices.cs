using Microsoft.Extensions.DependencyInjection;

namespace Portals.Admin.Content;

public static class ContentServices
{
    /// <summary>
    /// The content workspace (lists, generated editors, workflow, history, sectors, dashboard). Stateless services:
    /// the tenant is passed to every call, nothing is cached between requests.
    /// </summary>
    public static IServiceCollection AddAdminContent(this IServiceCollection services)
    {
        services.AddScoped<ContentList>();
        services.AddScoped<ContentWorkflow>();
        services.AddScoped<SectorEditing>();
        services.AddScoped<CooperationDashboard>();
        return services;
    }
}
