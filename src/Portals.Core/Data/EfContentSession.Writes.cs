using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Validation;

namespace Portals.Core.Data;

internal sealed partial class EfContentSession
{
    public async Task<ContentItem> SaveAsync(ContentItem item, SaveMode mode, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        var definitions = await GetDefinitionsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(item.ContentItemId))
        {
            item.ContentItemId = ContentIds.New();
        }
        else if (!ContentIds.IsValid(item.ContentItemId))
        {
            throw new ContentValidationException([new("ContentItemId", "Mã nội dung chỉ gồm chữ, số, '-' hoặc '_' và dài tối đa 64 ký tự.")]);
        }
        var type = definitions.FindType(item.ContentType);
        if (type?.HasPart("TitlePart") == true)
        {
            item.DisplayText = item.Title;
        }
        var errors = ContentValidator.Validate(item, definitions);
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
        if (type!.HasPart("AutoroutePart"))
        {
            item.Path = await UniquePathAsync(item, cancellationToken);
        }

        var versions = await db.ContentItems.AsTracking().Where(r => r.ContentItemId == item.ContentItemId && (r.Latest || r.Published))
            .ToListAsync(cancellationToken);
        var latest = versions.FirstOrDefault(r => r.Latest);
        var publish = mode == SaveMode.Publish || (mode == SaveMode.Import && item.Published);
        var scheduled = ScheduledPublish(item, now);
        if (scheduled is not null)
        {
            publish = false;
        }

        if (mode == SaveMode.Import && latest is not null && SameContent(latest, item, publish))
        {
            return ContentItem.Parse(latest.Json);
        }
        if (mode != SaveMode.Import || item.ContentItemVersionId is null || latest?.ContentItemVersionId == item.ContentItemVersionId)
        {
            item.ContentItemVersionId = ContentIds.New();
        }
        if (mode != SaveMode.Import || item.CreatedUtc is null)
        {
            item.CreatedUtc = latest is null ? now : ContentItem.Parse(latest.Json).CreatedUtc ?? now;
        }
        if (mode != SaveMode.Import || item.ModifiedUtc is null)
        {
            item.ModifiedUtc = now;
        }

        foreach (var old in versions)
        {
            old.Latest = false;
            if (publish)
            {
                old.Published = false;
            }
            SyncJson(old);
        }
        if (versions.Count > 0)
        {
            // The demoted rows must reach the database before the new row, or the unique filtered indexes reject it.
            await db.SaveChangesAsync(cancellationToken);
        }

        item.Latest = true;
        item.Published = publish;
        if (publish && (mode != SaveMode.Import || item.PublishedUtc is null))
        {
            item.PublishedUtc = now;
        }
        var record = new ContentItemRecord { ContentItemId = item.ContentItemId, PublishAtUtc = scheduled };
        Fill(record, item, definitions);
        db.ContentItems.Add(record);
        if (publish)
        {
            Log(item.ContentItemId, item.ContentType, ChangeKinds.Published, now);
        }
        else if (versions.Any(v => v.Published) && !versions.Any(v => v.Published && !v.Latest) && mode == SaveMode.Import)
        {
            // An import of an unpublished state over a published item withdraws it, as Orchard Core's import does.
            Log(item.ContentItemId, item.ContentType, ChangeKinds.Unpublished, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        // A long session (a recipe, a bulk publish) would otherwise re-scan every row it ever wrote on each save.
        db.ChangeTracker.Clear();
        return item;
    }

    public async Task<ContentItem?> PublishAsync(string contentItemId, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        var versions = await db.ContentItems.AsTracking().Where(r => r.ContentItemId == contentItemId && (r.Latest || r.Published))
            .ToListAsync(cancellationToken);
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
        SyncJson(latest);
        Log(latest.ContentItemId, latest.ContentType, ChangeKinds.Published, now);
        await db.SaveChangesAsync(cancellationToken);
        return ContentItem.Parse(latest.Json);
    }

    public async Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        var published = await db.ContentItems.AsTracking().FirstOrDefaultAsync(r => r.ContentItemId == contentItemId && r.Published, cancellationToken);
        if (published is null)
        {
            return await db.ContentItems.AnyAsync(r => r.ContentItemId == contentItemId, cancellationToken);
        }
        published.Published = false;
        SyncJson(published);
        Log(published.ContentItemId, published.ContentType, ChangeKinds.Unpublished, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(string contentItemId, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        var first = await db.ContentItems.Where(r => r.ContentItemId == contentItemId).OrderByDescending(r => r.Latest).FirstOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            return false;
        }
        await db.ContentItems.Where(r => r.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken);
        Log(first.ContentItemId, first.ContentType, ChangeKinds.Deleted, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = await db.ContentItems.Where(r => r.Latest && !r.Published && r.PublishAtUtc != null && r.PublishAtUtc <= nowUtc)
            .Select(r => r.ContentItemId).Take(100).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await PublishAsync(id, cancellationToken);
        }
        return due.Count;
    }

    private void Log(string contentItemId, string contentType, string kind, DateTime now) =>
        db.ChangeLog.Add(new ChangeLogRecord { ContentItemId = contentItemId, ContentType = contentType, Kind = kind, CreatedUtc = now });

    /// <summary>Keeps the stored JSON's flags equal to the columns, so reads can return the JSON as stored.</summary>
    private static void SyncJson(ContentItemRecord record)
    {
        var item = ContentItem.Parse(record.Json);
        item.Latest = record.Latest;
        item.Published = record.Published;
        item.PublishedUtc = record.PublishedUtc;
        record.Json = item.ToJsonString();
    }

    private static DateTime? ScheduledPublish(ContentItem item, DateTime now) =>
        item.Part("PublishLaterPart")?["ScheduledPublishUtc"] is JsonValue v && v.TryGetValue(out string? s)
            && DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            && at > now ? at : null;
}
