using Microsoft.AspNetCore.Http.HttpResults;
using Portals.Core.Http;
using Portals.Core.Tenants;
using Portals.Search;

namespace Portals.Web.Hosting;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous reads like any other: a load balancer's probes stay far below the budget.
        endpoints.MapGet("/health", GetNodeHealth).WithName("NodeHealth").WithTags("Health")
            .WithSummary("The node is up: each portal's state and search figures.")
            .RequireRateLimiting(PortalsRateLimits.Anonymous);
        // For load balancers: anonymous, and outside the API's anonymous budget (a limit of their own, far above any
        // balancer's rate), so probes never fail a node because of the address they come from.
        endpoints.MapGet("/health/live", GetLive).WithName("NodeLive").WithTags("Health")
            .WithSummary("The process is up (no I/O): restart the node when this fails.")
            .RequireRateLimiting(HealthServices.ProbeRateLimit);
        endpoints.MapGet("/health/ready", GetReadyAsync).WithName("NodeReady").WithTags("Health")
            .WithSummary("Every portal runs, its database answers with no pending migration, and this node's search index is caught up: send traffic.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(HealthServices.ProbeRateLimit);
        endpoints.MapTenantGroup().MapGet("/health", GetTenantHealth).WithName("TenantHealth").WithTags("Health")
            .WithSummary("The portal runs: its search figures.")
            .RequireRateLimiting(PortalsRateLimits.Anonymous);
        return endpoints;
    }

    /// <summary>
    /// The node is up; each tenant's state is listed (a tenant still setting up does not fail the node), with its
    /// search figures: documents indexed, change-log cursor reached, and documents set aside because the index refused them.
    /// </summary>
    public static async Task<Ok<NodeHealth>> GetNodeHealth(TenantRegistry registry, TenantStates states, ISearchIndex search, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, SearchHealth>();
        foreach (var tenant in registry.All)
        {
            figures[tenant.Name] = await SearchHealth.ReadAsync(search, tenant.Name, cancellationToken);
        }
        return TypedResults.Ok(new NodeHealth("Healthy", registry.All.ToDictionary(t => t.Name, t => states.Get(t.Name).ToString()), figures));
    }

    public static Ok<Liveness> GetLive() => TypedResults.Ok(Liveness.Live);

    /// <summary>200 with each tenant's figures when ready; otherwise a 503 problem naming what is not ready, with the same figures.</summary>
    public static async Task<Results<Ok<ReadyHealth>, ProblemHttpResult>> GetReadyAsync(ReadinessProbe probe, HttpContext context)
    {
        var readiness = await probe.CheckAsync();
        context.Response.Headers.CacheControl = "no-store";
        if (readiness.Ready)
        {
            return TypedResults.Ok(new ReadyHealth("Ready", readiness.Tenants));
        }
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(
            string.Join("; ", readiness.Tenants.Values.SelectMany(t => t.Problems)),
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
            extensions: new Dictionary<string, object?> { ["tenants"] = readiness.Tenants });
    }

    /// <summary>Reaching a handler means the tenant resolved and is running; setting up answers 503 earlier.</summary>
    public static async Task<Ok<TenantHealth>> GetTenantHealth(TenantContext tenant, ISearchIndex search, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TenantHealth("Healthy", tenant.Name, tenant.DisplayName, await SearchHealth.ReadAsync(search, tenant.Name, cancellationToken)));

    public sealed record Liveness(string Status)
    {
        public static readonly Liveness Live = new("Live");
    }

    public sealed record ReadyHealth(string Status, IReadOnlyDictionary<string, TenantReadiness> Tenants);

    public sealed record NodeHealth(string Status, IReadOnlyDictionary<string, string> Tenants, IReadOnlyDictionary<string, SearchHealth> Search);

    public sealed record TenantHealth(string Status, string Tenant, string DisplayName, SearchHealth Search);

    /// <summary>Counts only: which items were set aside, and why, is in the log (and the index status), never public.</summary>
    public sealed record SearchHealth(long Documents, long Cursor, int SetAside)
    {
        public static async Task<SearchHealth> ReadAsync(ISearchIndex search, string tenant, CancellationToken cancellationToken)
        {
            var status = await search.GetStatusAsync(tenant, cancellationToken);
            return new SearchHealth(status.Documents, status.Cursor, status.SetAside.Count);
        }
    }
}
