using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portals.Contents.Http;
using Portals.Core.Content;
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
            .WithSummary("Published items, newest first by default; pageSize is at most 100.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static async Task<Results<StoredJson<ContentListDocument>, ValidationProblem>> ListAsync(
        string? type, string? sector, string? q, string? publishedAfter, string? page, string? pageSize, string? sort,
        TenantContext tenant, ClaimsPrincipal user, IContentStore store, PublishedReadCache cache, CancellationToken cancellationToken)
    {
        if (Parse(type, sector, q, publishedAfter, page, pageSize, sort, out var query) is { } invalid)
        {
            return invalid;
        }
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
        var json = CachedJson.From(Envelope(result, query));
        cache.Set(stamp, key, json);
        return new StoredJson<ContentListDocument>(json, ApiRequest.ReadCache(user));
    }

    /// <summary>Concatenates the stored item JSON; no item is parsed or re-serialized.</summary>
    public static string Envelope(ContentPage result, ContentQuery query)
    {
        var builder = new StringBuilder(result.Items.Sum(i => i.Length) + 64);
        builder.Append("{\"items\":[");
        for (var i = 0; i < result.Items.Count; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append(result.Items[i]);
        }
        builder.Append(CultureInfo.InvariantCulture, $"],\"page\":{query.Page},\"pageSize\":{query.PageSize},\"total\":{result.Total}}}");
        return builder.ToString();
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
