using Microsoft.AspNetCore.Http.HttpResults;
using Portals.Core.Http;
using Portals.Core.Tenants;

namespace Portals.Web.Hosting;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous reads like any other: a load balancer's probes stay far below the budget.
        endpoints.MapGet("/health", GetNodeHealth).WithName("NodeHealth").WithTags("Health")
            .RequireRateLimiting(PortalsRateLimits.Anonymous);
        endpoints.MapTenantGroup().MapGet("/health", GetTenantHealth).WithName("TenantHealth").WithTags("Health")
            .RequireRateLimiting(PortalsRateLimits.Anonymous);
        return endpoints;
    }

    /// <summary>The node is up; each tenant's state is listed (a tenant still setting up does not fail the node).</summary>
    public static Ok<NodeHealth> GetNodeHealth(TenantRegistry registry, TenantStates states) =>
        TypedResults.Ok(new NodeHealth("Healthy", registry.All.ToDictionary(t => t.Name, t => states.Get(t.Name).ToString())));

    /// <summary>Reaching a handler means the tenant resolved and is running; setting up answers 503 earlier.</summary>
    public static Ok<TenantHealth> GetTenantHealth(TenantContext tenant) =>
        TypedResults.Ok(new TenantHealth("Healthy", tenant.Name, tenant.DisplayName));

    public sealed record NodeHealth(string Status, IReadOnlyDictionary<string, string> Tenants);

    public sealed record TenantHealth(string Status, string Tenant, string DisplayName);
}
