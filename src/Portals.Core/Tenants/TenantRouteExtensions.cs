using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Portals.Core.Tenants;

public static class TenantRouteExtensions
{
    public const string Prefix = "/{tenant:tenant}";

    /// <summary>A route group under the tenant prefix (host-matched requests are rewritten onto it).</summary>
    public static RouteGroupBuilder MapTenantGroup(this IEndpointRouteBuilder endpoints, string path = "") =>
        endpoints.MapGroup(Prefix + path);

    /// <summary>The tenant resolved by <see cref="TenantResolutionMiddleware"/>; endpoints under the tenant prefix always have one.</summary>
    public static TenantContext GetTenant(this HttpContext context) =>
        context.Features.Get<TenantFeature>()?.Tenant
        ?? throw new InvalidOperationException("No tenant was resolved for this request.");
}
