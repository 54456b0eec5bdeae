using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portals.Core.Http;
using Portals.Core.Tenants;

namespace Portals.Search.Http;

/// <summary><c>GET /api/search/suggest</c> and <c>GET /{tenant}/api/search/suggest</c>: completions for a search box.</summary>
public static class SuggestEndpoints
{
    public static IEndpointRouteBuilder MapSuggestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/search/suggest", SuggestAll)
            .WithName("SearchSuggest").WithTags("Search")
            .WithSummary("Gợi ý khi gõ: tối đa 8 tiêu đề và các lĩnh vực bắt đầu bằng, hoặc có một từ bắt đầu bằng, chữ đã gõ (có dấu hoặc không dấu).")
            .RequireCors(PortalsCors.Api).RequireRateLimiting(PortalsRateLimits.Anonymous)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        endpoints.MapTenantGroup().MapGet("/api/search/suggest", SuggestFromTenant).WithPortalsApiPolicies()
            .WithName("SearchSuggestFromTenant").WithTags("Search")
            .WithSummary("Same suggestions, reached under a portal; both provinces unless `tenant` is given.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    public static Task<Results<Ok<SuggestResponse>, ProblemHttpResult>> SuggestAll(
        [FromQuery] string? q, [FromQuery] string? tenant, ISearchIndex index, TenantRegistry registry, CancellationToken cancellationToken) =>
        RunAsync(q, tenant, index, registry, cancellationToken);

    public static Task<Results<Ok<SuggestResponse>, ProblemHttpResult>> SuggestFromTenant(
        TenantContext site, [FromQuery] string? q, [FromQuery] string? tenant, ISearchIndex index, TenantRegistry registry,
        CancellationToken cancellationToken) =>
        RunAsync(q, tenant, index, registry, cancellationToken);

    private static async Task<Results<Ok<SuggestResponse>, ProblemHttpResult>> RunAsync(
        string? q, string? tenant, ISearchIndex index, TenantRegistry registry, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (q?.Length > SuggestQuery.MaxTextLength)
        {
            errors.Add($"'q' dài tối đa {SuggestQuery.MaxTextLength} ký tự (nhận được {q.Length}).");
        }
        if (!string.IsNullOrEmpty(tenant) && registry.Find(tenant) is null)
        {
            errors.Add($"'tenant' phải là một trong: {string.Join(", ", registry.All.Select(t => t.Name))}.");
        }
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: "Tham số gợi ý không hợp lệ.");
        }
        var tenantName = string.IsNullOrWhiteSpace(tenant) ? null : tenant.Trim().ToLowerInvariant();
        var suggestions = await index.SuggestAsync(new SuggestQuery(q, tenantName), cancellationToken);
        return TypedResults.Ok(SuggestResponse.From(q ?? "", suggestions));
    }
}

/// <summary>
/// The suggest API's wire shape: <paramref name="Titles"/> of published items (at most 8; those starting with the
/// typed text first, then those with a later word starting with it), and <paramref name="Sectors"/> whose names do.
/// </summary>
public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestTitle> Titles, IReadOnlyList<SuggestSector> Sectors)
{
    public static SuggestResponse From(string query, SearchSuggestions suggestions) => new(
        query,
        suggestions.Titles.Select(t => new SuggestTitle(t.ContentItemId, t.Tenant, t.ContentType, t.Title, t.Url)).ToList(),
        suggestions.Sectors.Select(s => new SuggestSector(s.Sector, s.Name)).ToList());
}

/// <summary>A published item whose title matches what was typed.</summary>
public sealed record SuggestTitle(string ContentItemId, string Tenant, string ContentType, string Title, string Url);

/// <summary>A sector whose name matches: <paramref name="Sector"/> is the id the search's <c>sector</c> filter takes.</summary>
public sealed record SuggestSector(string Sector, string Name);
