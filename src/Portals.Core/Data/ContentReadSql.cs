using System.Data.Common;
using System.Text;
using Portals.Core.Content;

namespace Portals.Core.Data;

/// <summary>
/// The SQL of the hot reads (an item by id or path, a list page and its count), written once for both providers:
/// the same statements EF Core generated for them (same filters, same <c>ORDER BY</c>, so the same order and NULL
/// placement on each provider), minus EF's per-query pipeline. Only the substring test differs by provider.
/// </summary>
internal static class ContentReadSql
{
    public const string PublishedJsonById = "SELECT \"Json\" FROM \"ContentItems\" WHERE \"ContentItemId\" = @id AND \"Published\" LIMIT 1";

    public const string LatestJsonById = "SELECT \"Json\" FROM \"ContentItems\" WHERE \"ContentItemId\" = @id AND \"Latest\" LIMIT 1";

    public const string JsonByPath = "SELECT \"Json\" FROM \"ContentItems\" WHERE \"Published\" AND \"Path\" = @path LIMIT 1";

    /// <summary>A query's WHERE clause and its parameters.</summary>
    public sealed record Filter(string Where, IReadOnlyList<KeyValuePair<string, object>> Parameters);

    public static Filter Where(ContentQuery query, IDatabaseProvider provider)
    {
        var where = new StringBuilder(query.Version == VersionOptions.Latest ? "i.\"Latest\"" : "i.\"Published\"");
        var parameters = new List<KeyValuePair<string, object>>();
        if (query.ContentType is { } type)
        {
            where.Append(" AND i.\"ContentType\" = @type");
            parameters.Add(new("@type", type));
        }
        if (query.TermContentItemId is { } term)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM \"ContentTerms\" t WHERE t.\"ContentItemRecordId\" = i.\"Id\" AND t.\"TermContentItemId\" = @term)");
            parameters.Add(new("@term", term));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var folded = VietnameseText.Fold(query.Text).Trim();
            // Stored text never holds control characters, so such a search matches nothing; PostgreSQL would
            // refuse a NUL in a parameter outright.
            if (folded.Any(char.IsControl))
            {
                where.Append(" AND 1 = 0");
            }
            else
            {
                where.Append(" AND ").Append(provider.ContainsSql("i.\"DisplayTextFolded\"", "@text"));
                parameters.Add(new("@text", folded));
            }
        }
        if (query.PublishedAfter is { } after)
        {
            where.Append(" AND i.\"PublishedUtc\" > @after");
            parameters.Add(new("@after", after.Kind == DateTimeKind.Utc ? after : DateTime.SpecifyKind(after.ToUniversalTime(), DateTimeKind.Utc)));
        }
        if (query.Owner is { } owner)
        {
            where.Append(" AND i.\"Owner\" = @owner");
            parameters.Add(new("@owner", owner));
        }
        where.Append(query.Status switch
        {
            ContentStatus.Published => " AND i.\"Published\"",
            ContentStatus.Scheduled => " AND NOT i.\"Published\" AND i.\"PublishAtUtc\" IS NOT NULL",
            ContentStatus.InReview => " AND NOT i.\"Published\" AND i.\"PublishAtUtc\" IS NULL AND i.\"SubmittedForReviewUtc\" IS NOT NULL",
            ContentStatus.Draft => " AND NOT i.\"Published\" AND i.\"PublishAtUtc\" IS NULL AND i.\"SubmittedForReviewUtc\" IS NULL",
            _ => "",
        });
        return new(where.ToString(), parameters);
    }

    /// <summary>
    /// The page's JSON in order. The ids are chosen first from the indexes alone (filter, order, offset), and only the
    /// page's rows are then read: skipping rows never loads their documents.
    /// </summary>
    public static string Page(Filter filter, ContentSort sort) =>
        $"SELECT c.\"Json\" FROM (SELECT i.\"Id\" FROM \"ContentItems\" i WHERE {filter.Where} ORDER BY {OrderBy(sort, "i")} LIMIT @take OFFSET @skip) p "
        + $"JOIN \"ContentItems\" c ON c.\"Id\" = p.\"Id\" ORDER BY {OrderBy(sort, "c")}";

    /// <summary>How many rows match, counting at most <c>@limit</c> of them.</summary>
    public static string Count(Filter filter) =>
        $"SELECT COUNT(*) FROM (SELECT 1 FROM \"ContentItems\" i WHERE {filter.Where} LIMIT @limit) x";

    /// <summary>As EF Core wrote them: the sort key, then the id in the same direction.</summary>
    private static string OrderBy(ContentSort sort, string alias) => sort switch
    {
        ContentSort.PublishedAscending => $"{alias}.\"PublishedUtc\", {alias}.\"Id\"",
        ContentSort.ModifiedDescending => $"{alias}.\"ModifiedUtc\" DESC, {alias}.\"Id\" DESC",
        ContentSort.ModifiedAscending => $"{alias}.\"ModifiedUtc\", {alias}.\"Id\"",
        ContentSort.TitleAscending => $"{alias}.\"DisplayTextFolded\", {alias}.\"Id\"",
        ContentSort.TitleDescending => $"{alias}.\"DisplayTextFolded\" DESC, {alias}.\"Id\" DESC",
        _ => $"{alias}.\"PublishedUtc\" DESC, {alias}.\"Id\" DESC",
    };

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<KeyValuePair<string, object>> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
