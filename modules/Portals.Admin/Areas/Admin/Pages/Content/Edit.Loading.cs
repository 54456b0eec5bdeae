using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Content;
using Portals.Core.Content;

namespace Portals.Admin.Areas.Admin.Pages.Content;

/// <summary>Reading what the editor shows: the type, the latest version and its state, terms and picked items' titles.</summary>
public sealed partial class EditModel
{
    private async Task<bool> LoadAsync(string type, string? id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var session = await store.OpenAsync(Tenant, cancellationToken);
        var definitions = await session.GetDefinitionsAsync(cancellationToken);
        if (ListableTypes(definitions).FirstOrDefault(t => t.Name == type) is not { } definition)
        {
            return false;
        }
        Type = definition;
        Fields = EditorSchema.For(definition, definitions);
        IsNew = id is null;
        Id = id ?? ContentIds.New();
        if (id is null)
        {
            return true;
        }
        Latest = await session.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (Latest is null)
        {
            // A new item posted a second time, or an item deleted meanwhile: the save reports it.
            return HttpMethods.IsPost(Request.Method);
        }
        if (Latest.ContentType != type)
        {
            return false;
        }
        BasedOn = Latest.ContentItemVersionId ?? "";
        Status = ContentStates.Of(Latest, clock.GetUtcNow().UtcDateTime);
        HasPublished = Latest.Published || await session.GetJsonAsync(id, VersionOptions.Published, cancellationToken) is not null;
        return true;
    }

    private async Task LoadLookupsAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var session = await store.OpenAsync(Tenant, cancellationToken);
        var terms = new Dictionary<string, IReadOnlyList<TaxonomyTerm>>(StringComparer.Ordinal);
        foreach (var taxonomy in Fields.Where(f => f.Kind == FieldKind.Taxonomy).Select(f => f.TaxonomyId ?? TaxonomyTerms.SectorTaxonomyId).Distinct())
        {
            terms[taxonomy] = await TaxonomyTerms.LoadAsync(session, taxonomy, cancellationToken);
        }
        Terms = terms;
        Lookups = await DisplayLookups.LoadAsync(session, Fields, [Values], cancellationToken);
    }

    private async Task<IActionResult> ActAsync(string type, string id, string doneKey, Func<Task<WorkflowOutcome>> action, Func<IActionResult>? then = null, string? title = null)
    {
        if (title is null && !await LoadAsync(type, id))
        {
            return NotFound();
        }
        switch (await action())
        {
            case WorkflowOutcome.Done:
                StatusMessage = C[doneKey, title ?? Latest?.DisplayText ?? id];
                return then?.Invoke() ?? RedirectToPage(new { type, id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.Forbidden:
                return Refused();
            default:
                StatusMessage = C["Workflow.ActionConflict"];
                return RedirectToPage(new { type, id });
        }
    }
}
