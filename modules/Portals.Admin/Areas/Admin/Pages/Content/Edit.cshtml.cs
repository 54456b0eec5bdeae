using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Content;
using Portals.Admin.Identity;
using Portals.Admin.Http;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Security;
using Portals.Core.Validation;

namespace Portals.Admin.Areas.Admin.Pages.Content;

/// <summary>
/// The editor of one item, generated from its type's definition: save a draft, submit it for review, publish now or
/// at a set time. The form carries the version it was loaded with; a save based on an older version is refused as a
/// conflict, keeping what was typed, and the user may then overwrite explicitly. Authors edit only their own items.
/// </summary>
[RequirePermission(Permissions.EditOwnContent)]
public sealed partial class EditModel(IContentStore store, ContentWorkflow workflow, TimeProvider clock) : ContentPageModel
{
    public ContentTypeDefinition Type { get; private set; } = null!;
    public IReadOnlyList<EditorField> Fields { get; private set; } = [];
    public EditorValues Values { get; private set; } = new();
    public string Id { get; private set; } = "";
    public bool IsNew { get; private set; }

    /// <summary>The version the form is based on ("" for a new item): posted back to detect concurrent edits.</summary>
    public string BasedOn { get; private set; } = "";
    public ContentItem? Latest { get; private set; }
    public ContentStatus Status { get; private set; }
    public bool HasPublished { get; private set; }
    public IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTerm>> Terms { get; private set; } = new Dictionary<string, IReadOnlyList<TaxonomyTerm>>();
    public DisplayLookups Lookups { get; private set; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());
    public string ScheduleAt { get; private set; } = "";

    /// <summary>Set when the save met a newer version: the form shows it and offers to overwrite it.</summary>
    public bool Conflict { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, string? id)
    {
        if (!await LoadAsync(type, id))
        {
            return NotFound();
        }
        if (Latest is not null && !Actor.MayEdit(Latest))
        {
            return Refused();
        }
        Values = Latest is null ? EditorValues.Defaults(Fields) : EditorValues.FromItem(Latest, Fields);
        ScheduleAt = Latest is not null && Status == ContentStatus.Scheduled && ContentStates.ScheduledUtc(Latest) is { } at ? AdminFormat.Timestamp(at) : "";
        await LoadLookupsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, string? id, [FromForm] string? itemId, [FromForm] string? basedOn,
        [FromForm] string? overwrite, [FromForm] string? command, [FromForm] string? scheduleAt)
    {
        var target = id ?? (ContentIds.IsValid(itemId) ? itemId : null);
        if (target is null || !await LoadAsync(type, target))
        {
            return NotFound();
        }
        IsNew = id is null;
        Values = EditorValues.FromForm(Request.Form, Fields);
        ScheduleAt = scheduleAt?.Trim() ?? "";
        BasedOn = basedOn ?? "";
        var chosen = Enum.TryParse<EditCommand>(command, ignoreCase: true, out var parsed) ? parsed : EditCommand.Save;
        DateTime? scheduleUtc = EditorFormat.TryParseLocalTimestamp(ScheduleAt, out var at) ? at : null;
        // Overwriting after a conflict names the version the user saw: if yet another one came meanwhile, it conflicts again.
        var basis = overwrite is null ? BasedOn : overwrite == NoVersion ? "" : overwrite;
        var result = await workflow.SaveAsync(Tenant, Actor, new EditRequest(type, target, basis, chosen, scheduleUtc),
            item => Values.ApplyTo(item, Fields, C), HttpContext.RequestAborted);

        if (result.Saved is { } saved)
        {
            StatusMessage = C[SavedMessage(chosen), saved.DisplayText ?? saved.ContentItemId].Value;
            return RedirectToPage(new { type, id = saved.ContentItemId });
        }
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Forbidden is { } permission && permission == Permissions.EditContent)
        {
            return Refused();
        }
        Error = result.Forbidden is not null ? C["Workflow.NeedsPublish"].Value : null;
        Conflict = result.Conflict;
        Errors = result.Errors;
        foreach (var error in Errors)
        {
            ModelState.AddModelError(error.Key, error.Message);
        }
        await LoadLookupsAsync();
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public Task<IActionResult> OnPostUnpublishAsync(string type, string id) =>
        ActAsync(type, id, "Workflow.Unpublished", () => workflow.UnpublishAsync(Tenant, Actor, id, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostCancelScheduleAsync(string type, string id) =>
        ActAsync(type, id, "Workflow.ScheduleCancelled", () => workflow.CancelScheduleAsync(Tenant, Actor, id, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostDeleteAsync(string type, string id)
    {
        var title = (await LoadAsync(type, id) ? Latest?.DisplayText : null) ?? id;
        return await ActAsync(type, id, "Workflow.Deleted", () => workflow.DeleteAsync(Tenant, Actor, id, HttpContext.RequestAborted),
            then: () => RedirectToPage("/Content/Index", new { type }), title);
    }

    /// <summary>The "overwrite" value standing for "the item no longer exists": saving recreates it.</summary>
    public const string NoVersion = "-";

    public IReadOnlyList<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>Errors of keys no input shows (e.g. a whole part), listed in the summary only.</summary>
    public IEnumerable<FieldError> OtherErrors =>
        Errors.Where(e => e.Key != ContentWorkflow.ScheduleKey && Fields.All(f => f.Key != e.Key));

    private static string SavedMessage(EditCommand command) => command switch
    {
        EditCommand.Submit => "Workflow.Submitted",
        EditCommand.Publish => "Workflow.Published",
        EditCommand.Schedule => "Workflow.Scheduled",
        _ => "Workflow.Saved",
    };
}
