using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Admin.Content;

/// <summary>The outcome of an action on an item from its editor or history.</summary>
public enum WorkflowOutcome
{
    Done,
    NotFound,
    Forbidden,
    Conflict,

    /// <summary>The content no longer passes the type's rules (e.g. an old version after a definition changed).</summary>
    Invalid,
}

/// <summary>Unpublish, delete, restore and cancelling a schedule: each with its audit entry, in one transaction.</summary>
public sealed partial class ContentWorkflow
{
    public Task<WorkflowOutcome> UnpublishAsync(TenantContext tenant, ContentActor actor, string id, CancellationToken cancellationToken) =>
        ActAsync(tenant, actor, id, actor.CanPublish, async (session, latest, _) =>
        {
            await session.UnpublishAsync(id, cancellationToken);
            return actor.Audit(AuditActions.ContentUnpublished, latest);
        }, cancellationToken);

    public Task<WorkflowOutcome> DeleteAsync(TenantContext tenant, ContentActor actor, string id, CancellationToken cancellationToken) =>
        ActAsync(tenant, actor, id, actor.CanDelete, async (session, latest, _) =>
        {
            await session.DeleteAsync(id, cancellationToken);
            return actor.Audit(AuditActions.ContentDeleted, latest);
        }, cancellationToken);

    /// <summary>Saves an older version's content as a new draft; the versions in between stay in the history.</summary>
    public Task<WorkflowOutcome> RestoreAsync(TenantContext tenant, ContentActor actor, string id, string versionId, CancellationToken cancellationToken) =>
        ActAsync(tenant, actor, id, allowed: true, async (session, _, latestJson) =>
        {
            if (await session.GetVersionAsync(id, versionId, cancellationToken) is not { } version)
            {
                return null;
            }
            var restored = version.Clone();
            // The old version's schedule or review request belonged to its own time; the restored draft starts plain.
            restored.Part("PublishLaterPart")?.Remove("ScheduledPublishUtc");
            ReviewPart.Clear(restored);
            var saved = await session.SaveAsync(restored, Draft(actor, latestJson), cancellationToken);
            return actor.Audit(AuditActions.ContentRestored, saved, $"{ContentAudit.Detail(saved)} ← {versionId}");
        }, cancellationToken);

    public Task<WorkflowOutcome> CancelScheduleAsync(TenantContext tenant, ContentActor actor, string id, CancellationToken cancellationToken) =>
        ActAsync(tenant, actor, id, actor.CanPublish, async (session, latest, latestJson) =>
        {
            var item = latest.Clone();
            item.Part("PublishLaterPart")?.Remove("ScheduledPublishUtc");
            var saved = await session.SaveAsync(item, Draft(actor, latestJson), cancellationToken);
            return actor.Audit(AuditActions.ContentEdited, saved, $"{ContentAudit.Detail(saved)} (schedule cancelled)");
        }, cancellationToken);

    private static SaveRequest Draft(ContentActor actor, string latestJson) =>
        new(SaveMode.Draft, actor.CanPublish) { Caller = actor.UserName, Expected = new ExpectedVersion(latestJson) };

    /// <summary>Reads the latest version, checks the actor's rights on it, applies the change and commits it with its audit entry (null: not found).</summary>
    private async Task<WorkflowOutcome> ActAsync(TenantContext tenant, ContentActor actor, string id, bool allowed,
        Func<IContentSession, ContentItem, string, Task<AuditEntry?>> change, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        if (await session.GetJsonAsync(id, VersionOptions.Latest, cancellationToken) is not { } latestJson)
        {
            return WorkflowOutcome.NotFound;
        }
        var latest = ContentItem.Parse(latestJson);
        if (!allowed || !actor.MayEdit(latest))
        {
            return WorkflowOutcome.Forbidden;
        }
        try
        {
            if (await change(session, latest, latestJson) is not { } entry)
            {
                return WorkflowOutcome.NotFound;
            }
            await session.Audit().AppendAsync(entry, cancellationToken);
            await session.CommitAsync(cancellationToken);
            AdminLog.ContentChanged(logger, actor.UserName, tenant.Name, entry.Action, id);
            return WorkflowOutcome.Done;
        }
        catch (ContentConflictException)
        {
            return WorkflowOutcome.Conflict;
        }
        catch (ContentValidationException)
        {
            return WorkflowOutcome.Invalid;
        }
        catch (ContentPermissionException)
        {
            return WorkflowOutcome.Forbidden;
        }
    }
}
