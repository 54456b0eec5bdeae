using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portals.Core.Http;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Search.Http;

/// <summary>The administrator action that rebuilds a tenant's part of the shared index while the server runs.</summary>
public static class SearchAdminEndpoints
{
    public static IEndpointRouteBuilder MapSearchAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapTenantGroup("/api/search/rebuild").WithPortalsApiPolicies()
            .WithTags("Search")
            .RequireAuthorization(Permissions.Policy(Permissions.ManageSearchIndex))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("", StartRebuild).WithName("StartSearchRebuild")
            .WithSummary("Xây dựng lại chỉ mục tìm kiếm của cổng này từ cơ sở dữ liệu (chạy nền, xem tiến độ bằng GET).");
        admin.MapGet("", GetRebuild).WithName("GetSearchRebuild")
            .WithSummary("Tiến độ của lần xây dựng lại chỉ mục gần nhất.");
        return endpoints;
    }

    public static Accepted<RebuildStatus> StartRebuild(TenantContext tenant, SearchRebuildJobs jobs, HttpContext context) =>
        TypedResults.Accepted($"{context.Request.PathBase}/{tenant.UrlPrefix}/api/search/rebuild", jobs.Start(tenant));

    public static Results<Ok<RebuildStatus>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>> GetRebuild(TenantContext tenant, SearchRebuildJobs jobs) =>
        jobs.Latest(tenant.Name) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Chưa có lần xây dựng lại chỉ mục nào." });
}
