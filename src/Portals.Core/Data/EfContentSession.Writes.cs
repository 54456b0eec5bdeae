using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;

namespace Portals.Core.Data;

/// <summary>Publication changes and deletion; each checks its <see cref="ExpectedVersion"/> after its own read in the transaction.</summary>
internal sealed partial class EfContentSession
{
    public async Task<ContentItem?> PublishAsync(string contentItemId, ExpectedVersion? expected, CancellationToken cancellationToken)
    {
        var versions = await LockVersionsAsync(contentItemId, expected, cancellationToken);
        var latest = versions.FirstOrDefault(r => r.Latest);
        if (latest is null)
        {
            return null;
        }
        if (latest.Published)
        {
            return ContentItem.Parse(latest.Json);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in versions.Where(v => v.Published))
        {
            old.Published = false;
            SyncJson(old);
        }
        await db.SaveChangesAsync(cancellationToken);
        latest.Published = true;
        latest.PublishedUtc = now;
        latest.PublishAtUtc = null;
        latest.SubmittedForReviewUtc = null;
        SyncJson(latest, endReview: true);
        Log(latest.ContentItemId, latest.ContentType, ChangeKinds.Published, now);
        await db.SaveChangesAsync(cancellationToken);
        return ContentItem.Parse(latest.Json);
    }

    public async Task<bool> UnpublishAsync(string contentItemId, ExpectedVersion? expected, CancellationToken cancellationToken)
    {
        var versions = await LockVersionsAsync(contentItemId, expected, cancellationToken);
        if (versions.FirstOrDefault(r => r.Published) is not { } published)
        {
            return versions.Count > 0;
        }
        published.Published = false;
        SyncJson(published);
        Log(published.ContentItemId, published.ContentType, ChangeKinds.Unpublished, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(string contentItemId, ExpectedVersion? expected, CancellationToken cancellationToken)
    {
        var versions = await LockVersionsAsync(contentItemId, expected, cancellationToken);
        if (versions.Count == 0)
        {
            return false;
        }
        await db.ContentItems.Where(r => r.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
        Log(contentItemId, versions[0].ContentType, ChangeKinds.Deleted, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        _taxonomies.Remove(contentItemId);
        return true;
    }

    public async Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = await db.ContentItems.Where(r => r.Latest && !r.Published && r.PublishAtUtc != null && r.PublishAtUtc <= nowUtc)
            .Select(r => r.ContentItemId).Take(100).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await PublishAsync(id, null, cancellationToken);
        }
        return due.Count;
    }

    /// <summary>
    /// Keeps the stored JSON's flags equal to the columns, so reads can return the JSON as stored; a version being
    /// published also loses its review request (see <see cref="ReviewPart"/>).
    /// </summary>
    private static void SyncJson(ContentItemRecord record, bool endReview = false)
    {
        var item = ContentItem.Parse(record.Json);
        item.Latest = record.Latest;
        item.Published = record.Published;
        item.PublishedUtc = record.PublishedUtc;
        if (endReview)
        {
            ReviewPart.Clear(item);
        }
        record.Json = item.ToJsonString();
    }
}
