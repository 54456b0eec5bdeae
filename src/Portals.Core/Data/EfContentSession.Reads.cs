using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;

namespace Portals.Core.Data;

internal sealed partial class EfContentSession
{
    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions version, CancellationToken cancellationToken) =>
        await GetJsonAsync(contentItemId, version, cancellationToken) is { } json ? ContentItem.Parse(json) : null;

    public async Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions version, CancellationToken cancellationToken)
    {
        var json = await Versions(version).Where(r => contentItemIds.Contains(r.ContentItemId)).Select(r => r.Json).ToListAsync(cancellationToken);
        return json.Select(ContentItem.Parse).ToList();
    }

    public Task<string?> GetJsonAsync(string contentItemId, VersionOptions version, CancellationToken cancellationToken) =>
        Versions(version).Where(r => r.ContentItemId == contentItemId).Select(r => r.Json).FirstOrDefaultAsync(cancellationToken);

    public Task<string?> GetPublishedJsonByPathAsync(string path, CancellationToken cancellationToken)
    {
        var normalized = path.Trim('/').ToLowerInvariant();
        return db.ContentItems.Where(r => r.Published && r.Path == normalized).Select(r => r.Json).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken cancellationToken)
    {
        var records = Versions(query.Version);
        if (query.ContentType is { } type)
        {
            records = records.Where(r => r.ContentType == type);
        }
        if (query.TermContentItemId is { } term)
        {
            records = records.Where(r => r.Terms.Any(t => t.TermContentItemId == term));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var folded = VietnameseText.Fold(query.Text).Trim();
            // Stored text never holds control characters, so such a search matches nothing; PostgreSQL would
            // refuse a NUL in a parameter outright.
            records = folded.Any(char.IsControl) ? records.Where(r => false) : records.Where(r => r.DisplayTextFolded!.Contains(folded));
        }
        if (query.PublishedAfter is { } after)
        {
            records = records.Where(r => r.PublishedUtc > after);
        }
        if (query.Owner is { } owner)
        {
            records = records.Where(r => r.Owner == owner);
        }
        records = WithStatus(records, query.Status);
        var total = await records.CountAsync(cancellationToken);
        var items = await Sort(records, query.Sort)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(r => r.Json)
            .ToListAsync(cancellationToken);
        return new ContentPage(items, total);
    }

    public async Task<IReadOnlyList<ContentItem>> ListLatestAsync(CancellationToken cancellationToken)
    {
        var json = await db.ContentItems.Where(r => r.Latest).OrderBy(r => r.Id).Select(r => r.Json).ToListAsync(cancellationToken);
        return json.Select(ContentItem.Parse).ToList();
    }

    public async Task<IReadOnlyList<ContentItem>> ListCurrentVersionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ContentItems.Where(r => r.Latest || r.Published)
            .Select(r => new { r.Id, r.ContentItemId, r.Latest, r.Json }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ContentItemId, StringComparer.Ordinal)
            .OrderBy(g => g.Min(r => r.Id))
            .SelectMany(g => g.OrderBy(r => r.Latest).ThenBy(r => r.Id))
            .Select(r => ContentItem.Parse(r.Json))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> ListPublishedIdsAsync(CancellationToken cancellationToken) =>
        await db.ContentItems.Where(r => r.Published).OrderBy(r => r.Id).Select(r => r.ContentItemId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ContentVersionInfo>> ListVersionsAsync(string contentItemId, CancellationToken cancellationToken) =>
        await db.ContentItems.Where(r => r.ContentItemId == contentItemId).OrderByDescending(r => r.Id)
            .Select(r => new ContentVersionInfo(r.ContentItemVersionId, r.DisplayText, r.Latest, r.Published, r.ModifiedUtc, r.PublishedUtc, r.Author))
            .ToListAsync(cancellationToken);

    public async Task<ContentItem?> GetVersionAsync(string contentItemId, string contentItemVersionId, CancellationToken cancellationToken) =>
        await db.ContentItems.Where(r => r.ContentItemId == contentItemId && r.ContentItemVersionId == contentItemVersionId)
            .Select(r => r.Json).FirstOrDefaultAsync(cancellationToken) is { } json ? ContentItem.Parse(json) : null;

    /// <summary>The states of <see cref="ContentStatus"/> as columns: a schedule outranks a review request.</summary>
    private static IQueryable<ContentItemRecord> WithStatus(IQueryable<ContentItemRecord> records, ContentStatus status) => status switch
    {
        ContentStatus.Published => records.Where(r => r.Published),
        ContentStatus.Scheduled => records.Where(r => !r.Published && r.PublishAtUtc != null),
        ContentStatus.InReview => records.Where(r => !r.Published && r.PublishAtUtc == null && r.SubmittedForReviewUtc != null),
        ContentStatus.Draft => records.Where(r => !r.Published && r.PublishAtUtc == null && r.SubmittedForReviewUtc == null),
        _ => records,
    };

    private IQueryable<ContentItemRecord> Versions(VersionOptions version) => version == VersionOptions.Latest
        ? db.ContentItems.Where(r => r.Latest)
        : db.ContentItems.Where(r => r.Published);

    private static IQueryable<ContentItemRecord> Sort(IQueryable<ContentItemRecord> records, ContentSort sort) => sort switch
    {
        ContentSort.PublishedAscending => records.OrderBy(r => r.PublishedUtc).ThenBy(r => r.Id),
        ContentSort.ModifiedDescending => records.OrderByDescending(r => r.ModifiedUtc).ThenByDescending(r => r.Id),
        ContentSort.ModifiedAscending => records.OrderBy(r => r.ModifiedUtc).ThenBy(r => r.Id),
        ContentSort.TitleAscending => records.OrderBy(r => r.DisplayTextFolded).ThenBy(r => r.Id),
        ContentSort.TitleDescending => records.OrderByDescending(r => r.DisplayTextFolded).ThenByDescending(r => r.Id),
        _ => records.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id),
    };
}
