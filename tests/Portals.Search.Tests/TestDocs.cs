namespace Portals.Search.Tests;

internal static class TestDocs
{
    public const string HauGiang = "haugiang";
    public const string CanTho = "cantho";

    /// <summary>As configured in the host (<c>Portals:Search:Places</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Places { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [HauGiang] = ["Hậu Giang"],
        [CanTho] = ["Cần Thơ"],
    };

    public static SearchDocument Doc(string tenant, string id, string title, string body = "Nội dung bài viết.",
        string type = "Article", string[]? sectors = null, DateTimeOffset? published = null, string? summary = null) =>
        new(tenant, id, type, title, summary, body, $"/{tenant}/{id}", published ?? Day(1), sectors ?? []);

    public static DateTimeOffset Day(int day) => new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero).AddDays(day);

    public static Task Put(this ISearchIndex index, string tenant, long cursor, params SearchDocument[] docs) =>
        index.ApplyAsync(new SearchBatch(tenant, cursor) { Upserts = docs }, CancellationToken.None);

    public static Task Delete(this ISearchIndex index, string tenant, long cursor, params string[] ids) =>
        index.ApplyAsync(new SearchBatch(tenant, cursor) { Deletes = ids }, CancellationToken.None);

    public static Task SetAside(this ISearchIndex index, string tenant, long cursor, params SetAsideDocument[] documents) =>
        index.ApplyAsync(new SearchBatch(tenant, cursor) { SetAside = documents }, CancellationToken.None);

    public static Task<SearchResults> Find(this ISearchIndex index, string? text, string? tenant = null,
        string? type = null, string? sector = null, int page = 1, int pageSize = 10) =>
        index.SearchAsync(new SearchQuery(text, tenant, type, sector, page, pageSize), CancellationToken.None);

    public static List<string> Ids(this SearchResults results) => results.Items.Select(h => h.ContentItemId).ToList();
}

/// <summary>A fresh folder under the temp directory, deleted at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portals-search-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A folder left in /tmp is harmless; failing a passed test over it is not.
        }
    }
}
