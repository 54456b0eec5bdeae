using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Data;

internal sealed partial class EfContentSession
{
    /// <summary>The outcome of preparing a save: whether the new version is published now, or scheduled.</summary>
    private sealed record SavePlan(bool Publish, DateTime? ScheduledUtc, ContentDefinitionSet Definitions);

    /// <summary>Prepare → transition → log, inside the write transaction.</summary>
    public async Task<ContentItem> SaveAsync(ContentItem item, SaveRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        AssignId(item, request);
        var versions = await LockVersionsAsync(item.ContentItemId, request.Expected, cancellationToken);
        var latest = versions.FirstOrDefault(r => r.Latest);
        var previous = latest is null ? null : ContentItem.Parse(latest.Json);

        var plan = await PrepareAsync(item, request, previous, now, cancellationToken);
        if (request.Mode == SaveMode.Import && UnchangedByImport(versions, item, plan.Publish) is { } unchanged)
        {
            return ContentItem.Parse(unchanged.Json);
        }
        await StampAsync(item, request, previous, now, cancellationToken);

        await TransitionAsync(item, request, versions, plan, now, cancellationToken);

        if (plan.Publish)
        {
            Log(item.ContentItemId, item.ContentType, ChangeKinds.Published, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        // A long session (a recipe, a bulk publish) would otherwise re-scan every row it ever wrote on each save.
        db.ChangeTracker.Clear();
        _taxonomies.Remove(item.ContentItemId);
        return item;
    }

    /// <summary>
    /// Demotes the versions the new one replaces (the latest always, the published one too when publishing), then
    /// adds the new version as latest.
    /// </summary>
    private async Task TransitionAsync(ContentItem item, SaveRequest request, List<ContentItemRecord> versions, SavePlan plan, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var old in versions)
        {
            old.Latest = false;
            if (plan.Publish)
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
        item.Published = plan.Publish;
        if (plan.Publish && (request.Mode != SaveMode.Import || item.PublishedUtc is null))
        {
            item.PublishedUtc = now;
        }
        var record = new ContentItemRecord { ContentItemId = item.ContentItemId, PublishAtUtc = plan.ScheduledUtc };
        Fill(record, item, plan.Definitions);
        db.ContentItems.Add(record);
    }

    /// <summary>
    /// The version an import would replace when it holds the same content and publication state, so that applying a
    /// recipe again changes nothing: the published version for a published import, the latest one otherwise.
    /// </summary>
    private static ContentItemRecord? UnchangedByImport(List<ContentItemRecord> versions, ContentItem item, bool publish)
    {
        var current = publish ? versions.FirstOrDefault(v => v.Published) : versions.FirstOrDefault(v => v.Latest);
        return current is not null && SameContent(current, item, publish) ? current : null;
    }
}
