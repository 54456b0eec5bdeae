using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Portals.Contents.Http;
using Portals.Core.Content;
using Portals.Core.Http;
using Portals.Core.Tenants;

namespace Portals.Contents.Endpoints;

/// <summary><c>GET /{t}/api/content</c>: published items, filtered and paged, in an envelope built from the stored JSON.</summary>
public static class ListContent
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;

    private static readonly Dictionary<string, ContentSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["-publishedUtc"] = ContentSort.PublishedDescending,
        ["publishedUtc"] = ContentSort.PublishedAscending,
        ["-modifiedUtc"] = ContentSort.ModifiedDescending,
        ["modifiedUtc"] = ContentSort.ModifiedAscending,
        ["title"] = ContentSort.TitleAscending,
        ["-title"] = ContentSort.TitleDescending,
    };

    public static void Map(RouteGroupBuilder content) =>
        content.MapGet("/", ListAsync).WithName("ListContentItems")
            .WithSummary("Published items, newest first by default; pageSize is at most 100. A page larger than Portals:Api:MaxListBytes "
                + "comes back smaller (truncated: true, a lower pageSize); follow 'next' for the rest. 'total' is exact up to "
                + "Portals:Api:ListTotalLimit (200) items; past it, totalExact is false and total is a lower bound.")
            .WithParameterDoc(
                ApiParameterDoc.WholeNumber("page", 1, MaxPage, 1),
                ApiParameterDoc.WholeNumber("pageSize", 1, MaxPageSize, 20),
                new("type") { Pattern = ContentIds.Pattern, Description = "A content type name, e.g. InvestmentCall (GET /api/content-types lists them)." },
                new("sector") { Pattern = ContentIds.Pattern, Description = "A sector term id, e.g. sector-giao-thong (GET /api/taxonomies/sectors lists them)." },
                new("q") { Description = "Words the title contains (at most 200 characters)." },
                new("publishedAfter") { Format = "date-time", Description = "Only items published after this ISO 8601 date or time, e.g. 2025-01-31 or 2025-01-31T08:00:00Z." },
                new("sort") { Values = [.. Sorts.Keys], Description = "The order; -publishedUtc (newest first) by default." })
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static async Task<Results<StoredJson<ContentListDocument>, ValidationProblem>> ListAsync(
        string? type, string? sector, string? q, string? publishedAfter, string? page, string? pageSize, string? sort,
        TenantContext tenant, ClaimsPrincipal user, HttpRequest request, IContentStore store, PublishedReadCache cache,
        IOptions<ContentsApiOptions> options, CancellationToken cancellationToken)
    {
        if (Parse(type, sector, q, publishedAfter, page, pageSize, sort, out var query) is { } invalid)
        {
            return invalid;
        }
        query = query with { TotalLimit = options.Value.ListTotalLimit };
        var key = $"list:{query.ContentType}|{query.TermContentItemId}|{query.Text}|{query.PublishedAfter:O}|{query.Page}|{query.PageSize}|{query.Sort}";
        if (cache.TryGet(tenant.Name, key, out var cached, out var stamp))
        {
            return new StoredJson<ContentListDocument>(cached!, ApiRequest.ReadCache(user));
        }
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var result = await session.QueryAsync(query, cancellationToken);
        // Checked only when nothing matched: a type with items exists, so the common case never loads the definitions.
        if (result.Total == 0 && query.ContentType is { } name && (await session.GetDefinitionsAsync(cancellationToken)).FindType(name) is null)
        {
            return ApiProblems.Invalid("type", $"Unknown content type '{name}'. GET /{tenant.UrlPrefix}/api/content-types lists them.");
        }
        string Link(int number, int size) => $"{request.PathBase}/{tenant.UrlPrefix}/api/content" + QueryString.Create(new Dictionary<string, string?>
        {
            ["type"] = type, ["sector"] = sector, ["q"] = q, ["publishedAfter"] = publishedAfter, ["sort"] = sort,
            ["page"] = number.ToString(CultureInfo.InvariantCulture), ["pageSize"] = size.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
        var json = CachedBody.From(ListEnvelope.Build(result, query, options.Value.MaxListBytes, Link));
        cache.Set(stamp, key, json);
        return new StoredJson<ContentListDocument>(json, ApiRequest.ReadCache(user));
    }

    private static ValidationProblem? Parse(string? type, string? sector, string? q, string? publishedAfter, string? page, string? pageSize, string? sort, out ContentQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        query = new ContentQuery();
        var pageNumber = Integer(page, "page", 1, 1, MaxPage, errors);
        var size = Integer(pageSize, "pageSize", 20, 1, MaxPageSize, errors);
        if (type is not null && !ContentIds.IsValid(type))
        {
            errors["type"] = ["'type' is a content type name, e.g. InvestmentCall."];
        }
        if (sector is not null && !ContentIds.IsValid(sector))
        {
            errors["sector"] = ["'sector' is a sector term id, e.g. sector-giao-thong (GET /{tenant}/api/taxonomies/sectors)."];
        }
        if (q is { Length: > 200 })
        {
            errors["q"] = ["'q' is at most 200 characters."];
        }
        DateTime? after = null;
        if (publishedAfter is not null)
        {
            if (DateTimeOffset.TryParse(publishedAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                after = parsed.UtcDateTime;
            }
            else
            {
                errors["publishedAfter"] = ["'publishedAfter' is an ISO 8601 date or time, e.g. 2025-01-31 or 2025-01-31T08:00:00Z."];
            }
        }
        var order = ContentSort.PublishedDescending;
        if (sort is not null && !Sorts.TryGetValue(sort, out order))
        {
            errors["sort"] = [$"'sort' is one of: {string.Join(", ", Sorts.Keys)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid list parameters.");
        }
        query = new ContentQuery(type, sector, string.IsNullOrWhiteSpace(q) ? null : q, after, pageNumber, size, order);
        return null;
    }

    private static int Integer(string? value, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        errors[name] = [$"'{name}' is a whole number from {min} to {max}."];
        return fallback;
    }
}
