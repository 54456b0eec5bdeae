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

    private IQueryable<ContentItemRecord> Versions(VersionOptions version) => version == VersionOptions.Latest
        ? db.ContentItems.Where(r => r.Latest)
        : db.ContentItems.Where(r => r.Published);
}
