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
            .WithSummary("Tiến độ của lần xây dựng lại chỉ mục gần nhất.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>On PostgreSQL, a request on any node while the cluster's job runs answers with that job.</summary>
    public static async Task<Accepted<RebuildStatus>> StartRebuild(TenantContext tenant, SearchRebuildJobs jobs, HttpContext context) =>
        TypedResults.Accepted($"{context.Request.PathBase}/{tenant.UrlPrefix}/api/search/rebuild", await jobs.StartAsync(tenant, context.RequestAborted));

    /// <summary>The 404 goes through the problem details service, like every other error: it gets a traceId.</summary>
    public static async Task<Results<Ok<RebuildStatus>, ProblemHttpResult>> GetRebuild(TenantContext tenant, SearchRebuildJobs jobs, HttpContext context) =>
        await jobs.LatestAsync(tenant, context.RequestAborted) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Chưa có lần xây dựng lại chỉ mục nào.");
}
