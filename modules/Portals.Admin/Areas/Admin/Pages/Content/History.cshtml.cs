using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Content;
using Portals.Admin.Identity;
using Portals.Core.Content;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Content;

/// <summary>
/// An item's versions, newest first; two of them side by side (changed words marked, rich text as paragraphs);
/// restoring one saves its content as a new draft, so nothing in the history is lost.
/// </summary>
[RequirePermission(Permissions.EditOwnContent)]
public sealed class HistoryModel(IContentStore store, ContentWorkflow workflow) : ContentPageModel
{
    /// <summary>The older version compared (default: the one before the newer).</summary>
    [BindProperty(SupportsGet = true, Name = "a")]
    public string? From { get; set; }

    /// <summary>The newer version compared (default: the latest).</summary>
    [BindProperty(SupportsGet = true, Name = "b")]
    public string? To { get; set; }

    public ContentItem Latest { get; private set; } = null!;
    public string TypeName { get; private set; } = "";
    public IReadOnlyList<ContentVersionInfo> Versions { get; private set; } = [];
    public ContentVersionInfo? Older { get; private set; }
    public ContentVersionInfo? Newer { get; private set; }
    public IReadOnlyList<FieldDiff> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var session = await store.OpenAsync(Tenant, cancellationToken);
        if (await session.GetAsync(id, VersionOptions.Latest, cancellationToken) is not { } latest)
        {
            return NotFound();
        }
        Latest = latest;
        Versions = await session.ListVersionsAsync(id, cancellationToken);
        var newerIndex = Math.Max(0, Index(To));
        Newer = Versions[newerIndex];
        Older = Index(From) is >= 0 and var olderIndex ? Versions[olderIndex] : Versions.ElementAtOrDefault(newerIndex + 1);
        var definitions = await session.GetDefinitionsAsync(cancellationToken);
        var type = definitions.FindType(latest.ContentType);
        TypeName = type?.DisplayName ?? latest.ContentType;
        if (Older is null)
        {
            return Page();
        }
        var older = await session.GetVersionAsync(id, Older.ContentItemVersionId, cancellationToken);
        var newer = await session.GetVersionAsync(id, Newer.ContentItemVersionId, cancellationToken);
        if (type is null || older is null || newer is null)
        {
            return Page();
        }
        var fields = EditorSchema.For(type, definitions);
        var lookups = await DisplayLookups.LoadAsync(session, fields, [EditorValues.FromItem(older, fields), EditorValues.FromItem(newer, fields)], cancellationToken);
        Diff = VersionDiff.Compare(FieldDisplay.Show(older, fields, lookups, C), FieldDisplay.Show(newer, fields, lookups, C),
            field => field.LabelKey is null ? field.Label : C[field.LabelKey]);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string id, [FromForm] string? version)
    {
        var result = await workflow.RestoreAsync(Tenant, Actor, id, version ?? "", HttpContext.RequestAborted);
        switch (result)
        {
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.Forbidden:
                return Refused();
            case WorkflowOutcome.Done:
                StatusMessage = C["History.Restored"];
                break;
            default:
                StatusMessage = result == WorkflowOutcome.Invalid ? C["History.RestoreInvalid"] : C["Workflow.ActionConflict"];
                break;
        }
        return RedirectToPage(new { id });
    }

    public static string Label(ContentVersionInfo version) =>
        $"{Http.AdminFormat.Timestamp(version.ModifiedUtc)} · {version.Author}";

    private int Index(string? versionId) =>
        versionId is null ? -1 : Versions.ToList().FindIndex(v => v.ContentItemVersionId == versionId);
}
