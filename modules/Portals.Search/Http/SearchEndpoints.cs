using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portals.Core.Http;
using Portals.Core.Tenants;

namespace Portals.Search.Http;

/// <summary><c>GET /api/search</c> and <c>GET /{tenant}/api/search</c>: one shared index, both provinces unless filtered.</summary>
public static class SearchEndpoints
{
    public const int MaxQueryLength = 1000;

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Outside a tenant no token means anything, so only CORS and the anonymous rate limit apply.
        endpoints.MapGet("/api/search", SearchAll)
            .WithName("Search").WithTags("Search")
            .WithSummary("Tìm kiếm toàn văn trên cả hai cổng thông tin (có dấu hoặc không dấu).")
            .RequireCors(PortalsCors.Api).RequireRateLimiting(PortalsRateLimits.Anonymous)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        endpoints.MapTenantGroup().MapGet("/api/search", SearchFromTenant).WithPortalsApiPolicies()
            .WithName("SearchFromTenant").WithTags("Search")
            .WithSummary("Same shared search, reached under a portal; both provinces unless `tenant` is given.");
        endpoints.MapSuggestEndpoints();
        endpoints.MapSearchAdminEndpoints();
        return endpoints;
    }

    public static Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAll(
        [FromQuery] string? q, [FromQuery] string? tenant, [FromQuery] string? type, [FromQuery] string? sector,
        [FromQuery] string? page, [FromQuery] string? pageSize,
        ISearchIndex index, TenantRegistry registry, CancellationToken cancellationToken) =>
        RunAsync(q, tenant, type, sector, page, pageSize, index, registry, cancellationToken);

    public static Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchFromTenant(
        TenantContext site, [FromQuery] string? q, [FromQuery] string? tenant, [FromQuery] string? type, [FromQuery] string? sector,
        [FromQuery] string? page, [FromQuery] string? pageSize, ISearchIndex index, TenantRegistry registry, CancellationToken cancellationToken) =>
        RunAsync(q, tenant, type, sector, page, pageSize, index, registry, cancellationToken);

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> RunAsync(
        string? q, string? tenant, string? type, string? sector, string? page, string? pageSize,
        ISearchIndex index, TenantRegistry registry, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var pageNumber = ParseInt(page, 1, "page", 1, int.MaxValue, errors);
        var size = ParseInt(pageSize, 10, "pageSize", 1, 50, errors);
        if (q?.Length > MaxQueryLength)
        {
            errors.Add($"'q' dài tối đa {MaxQueryLength} ký tự (nhận được {q.Length}).");
        }
        if (!string.IsNullOrEmpty(tenant) && registry.Find(tenant) is null)
        {
            errors.Add($"'tenant' phải là một trong: {string.Join(", ", registry.All.Select(t => t.Name))}.");
        }
        if (errors.Count > 0)
        {
            return TypedResults.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: "Tham số tìm kiếm không hợp lệ.");
        }
        var results = await index.SearchAsync(
            new SearchQuery(q, NullIfEmpty(tenant)?.ToLowerInvariant(), NullIfEmpty(type), NullIfEmpty(sector), pageNumber, size), cancellationToken);
        return TypedResults.Ok(SearchResponse.From(results));
    }

    private static int ParseInt(string? value, int fallback, string name, int min, int max, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        errors.Add($"'{name}' phải là số nguyên từ {min} đến {(max == int.MaxValue ? "∞" : max)}.");
        return fallback;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// The search API's wire shape. <paramref name="Relaxed"/>: approximate results ("kết quả gần đúng"), because a word
/// matched nothing (listed in <paramref name="UnmatchedWords"/>, as typed) or this page holds items lacking a word or
/// holding it only as a near spelling.
/// </summary>
public sealed record SearchResponse(
    long Total, int Page, int PageSize, IReadOnlyList<SearchResponseItem> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Facets,
    bool Relaxed, IReadOnlyList<string> UnmatchedWords)
{
    public static SearchResponse From(SearchResults results) => new(
        results.Total, results.Page, results.PageSize,
        results.Items.Select(h => new SearchResponseItem(h.ContentItemId, h.Tenant, h.ContentType, h.Title, h.Url, h.Snippet, h.PublishedUtc, h.Sectors, h.Score)).ToList(),
        results.Facets, results.Relaxed, results.UnmatchedWords);
}

public sealed record SearchResponseItem(
    string ContentItemId, string Tenant, string ContentType, string Title, string Url, string Snippet,
    DateTimeOffset? PublishedUtc, IReadOnlyList<string> Sector, float Score);
