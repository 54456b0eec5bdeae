using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portals.Core.Content;

namespace Portals.Core.Data;

/// <summary>
/// The reads every public request makes, through plain ADO.NET (<see cref="ContentReadSql"/>): EF Core's context,
/// query pipeline and per-connection setup cost 10–20× the SQL itself here. Outside a write they use the session's
/// own read connection, opened once for the session without the write settings (no PRAGMAs, no transaction); inside
/// a write they run on its connection and transaction, so they see what the session wrote.
/// </summary>
internal sealed partial class EfContentSession
{
    private DbConnection? _reads;

    public Task<string?> GetJsonAsync(string contentItemId, VersionOptions version, CancellationToken cancellationToken) =>
        ScalarJsonAsync(version == VersionOptions.Latest ? ContentReadSql.LatestJsonById : ContentReadSql.PublishedJsonById,
            new("@id", contentItemId), cancellationToken);

    public Task<string?> GetPublishedJsonByPathAsync(string path, CancellationToken cancellationToken) =>
        ScalarJsonAsync(ContentReadSql.JsonByPath, new("@path", path.Trim('/').ToLowerInvariant()), cancellationToken);

    /// <summary>
    /// The page (one row more than asked, to learn whether another follows), then the count only when the page
    /// cannot tell it. With <see cref="ContentQuery.TotalLimit"/>, counting stops at that limit, and a page reaching
    /// past it is not counted at all (its total is "at least one more than this page"): the cost then stays flat
    /// however many items match, and a next page is never hidden.
    /// </summary>
    public async Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await ReadConnectionAsync(cancellationToken);
        var filter = ContentReadSql.Where(query, database.ProviderOf(tenant));
        var skip = (long)(query.Page - 1) * query.PageSize;
        var items = new List<string>(Math.Min(query.PageSize + 1, 101));
        await using (var command = ContentReadSql.Command(connection, transaction, ContentReadSql.Page(filter, query.Sort),
            [.. filter.Parameters, new("@take", query.PageSize + 1), new("@skip", skip)]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(reader.GetString(0));
            }
        }
        var more = items.Count > query.PageSize;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }
        if (!more && (items.Count > 0 || skip == 0))
        {
            return new ContentPage(items, Total(skip + items.Count));
        }
        if (more && query.TotalLimit is { } cap && skip + query.PageSize + 1 >= cap)
        {
            return new ContentPage(items, Total(skip + query.PageSize + 1), TotalIsExact: false);
        }
        var limit = query.TotalLimit is { } max ? Math.Max(max, skip + 1) : long.MaxValue;
        await using var count = ContentReadSql.Command(connection, transaction, ContentReadSql.Count(filter), [.. filter.Parameters, new("@limit", limit)]);
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new ContentPage(items, Total(total), TotalIsExact: total < limit);
    }

    private static int Total(long count) => (int)Math.Min(count, int.MaxValue);

    private async Task<string?> ScalarJsonAsync(string sql, KeyValuePair<string, object> parameter, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await ReadConnectionAsync(cancellationToken);
        await using var command = ContentReadSql.Command(connection, transaction, sql, [parameter]);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async ValueTask<(DbConnection Connection, DbTransaction? Transaction)> ReadConnectionAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return (db.Database.GetDbConnection(), _transaction.GetDbTransaction());
        }
        if (_reads is null)
        {
            var connection = database.CreateReadConnection(tenant);
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            _reads = connection;
        }
        return (_reads, null);
    }
}
