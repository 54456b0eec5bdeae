using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Core.Validation;

namespace Portals.Admin.Content;

/// <summary>What the editor's buttons ask for; each saves what was typed first.</summary>
public enum EditCommand
{
    Save,
    Submit,
    Publish,
    Schedule,
}

/// <summary>
/// One save from the editor. <paramref name="BasedOn"/> is the version the form was loaded with ("" for a new item),
/// or the newer version the user chose to overwrite after a conflict.
/// </summary>
public sealed record EditRequest(string Type, string Id, string BasedOn, EditCommand Command, DateTime? ScheduleUtc = null);

/// <summary>The outcome of a save: the saved version, or why nothing was saved.</summary>
public sealed record EditResult(ContentItem? Saved, IReadOnlyList<FieldError> Errors, bool Conflict = false, bool NotFound = false, string? Forbidden = null)
{
    public static EditResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}

/// <summary>
/// The admin's writes to content, each one store session: the change and its audit entries commit together. Every
/// save states the version it was based on, so an edit made meanwhile in another tab, by another editor or over the
/// API is reported as a conflict instead of being overwritten.
/// </summary>
public sealed partial class ContentWorkflow(IContentStore store, TimeProvider clock, IStringLocalizer<ContentText> text, ILogger<ContentWorkflow> logger)
{
    /// <summary>The input key of the schedule's date and time, for its errors.</summary>
    public const string ScheduleKey = "ScheduleAt";

    public async Task<EditResult> SaveAsync(TenantContext tenant, ContentActor actor, EditRequest request, Func<ContentItem, IReadOnlyList<FieldError>> applyForm, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var latestJson = await session.GetJsonAsync(request.Id, VersionOptions.Latest, cancellationToken);
        var latest = latestJson is null ? null : ContentItem.Parse(latestJson);
        if (latest is not null && latest.ContentType != request.Type)
        {
            return new(null, [], NotFound: true);
        }
        if ((latest?.ContentItemVersionId ?? "") != request.BasedOn)
        {
            return new(null, [], Conflict: true);
        }
        if (latest is not null && !actor.MayEdit(latest))
        {
            return new(null, [], Forbidden: Core.Security.Permissions.EditContent);
        }
        var item = latest?.Clone() ?? new ContentItem(new JsonObject { ["ContentItemId"] = request.Id, ["ContentType"] = request.Type });
        var errors = applyForm(item).ToList();
        var mode = Prepare(item, actor, request, errors);
        if (errors.Count > 0)
        {
            // What could not be read is reported with what the store's rules find in the rest, in one round.
            var definitions = await session.GetDefinitionsAsync(cancellationToken);
            var keys = errors.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            return EditResult.Invalid([.. errors, .. ContentValidator.Validate(item, definitions).Where(e => !keys.Contains(e.Key))]);
        }
        try
        {
            var saved = await session.SaveAsync(item, new SaveRequest(mode, actor.CanPublish) { Caller = actor.UserName, Expected = new ExpectedVersion(latestJson) }, cancellationToken);
            foreach (var action in ContentAudit.ForSave(latest, saved))
            {
                await session.Audit().AppendAsync(actor.Audit(action, saved), cancellationToken);
            }
            await session.CommitAsync(cancellationToken);
            AdminLog.ContentChanged(logger, actor.UserName, tenant.Name, request.Command.ToString(), saved.ContentItemId);
            return new(saved, []);
        }
        catch (ContentValidationException invalid)
        {
            return EditResult.Invalid(invalid.Errors);
        }
        catch (ContentConflictException)
        {
            return new(null, [], Conflict: true);
        }
        catch (ContentPermissionException denied)
        {
            return new(null, [], Forbidden: denied.Permission);
        }
    }

    /// <summary>Sets what the command means on the item (review request, schedule) and returns the store's save mode.</summary>
    private SaveMode Prepare(ContentItem item, ContentActor actor, EditRequest request, List<FieldError> errors)
    {
        ReviewPart.Clear(item);
        switch (request.Command)
        {
            case EditCommand.Submit:
                ReviewPart.Submit(item, actor.UserName, clock.GetUtcNow().UtcDateTime);
                return SaveMode.Draft;
            case EditCommand.Publish:
                item.Part("PublishLaterPart")?.Remove("ScheduledPublishUtc");
                return SaveMode.Publish;
            case EditCommand.Schedule:
                if (request.ScheduleUtc is not { } at || at <= clock.GetUtcNow().UtcDateTime)
                {
                    errors.Add(new(ScheduleKey, text["Workflow.ScheduleInvalid"]));
                    return SaveMode.Draft;
                }
                item.GetOrCreatePart("PublishLaterPart")["ScheduledPublishUtc"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                return SaveMode.Draft;
            default:
                return SaveMode.Draft;
        }
    }
}
