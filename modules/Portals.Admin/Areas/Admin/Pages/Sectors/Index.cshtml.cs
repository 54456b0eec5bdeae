using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Content;
using Portals.Admin.Identity;
using Portals.Core.Content;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Sectors;

/// <summary>
/// The sector terms (<c>sector-taxonomy</c>), in their order: administrators add, rename and move them. Each form
/// carries the taxonomy version the page showed, so two administrators never overwrite each other's change.
/// </summary>
[RequirePermission(Permissions.ManageTaxonomies)]
public sealed class IndexModel(IContentStore store, SectorEditing editing) : ContentPageModel
{
    public IReadOnlyList<TaxonomyTerm> Terms { get; private set; } = [];
    public string Version { get; private set; } = "";
    public string? Error { get; private set; }

    /// <summary>The term whose form failed (its typed name is shown again), or "new" for the add form.</summary>
    public string? FailedTerm { get; private set; }
    public string? TypedName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAddAsync([FromForm] string? version, [FromForm] string? name) =>
        ApplyAsync("new", name, editing.AddAsync(Tenant, Actor, version ?? "", name, HttpContext.RequestAborted), "Sectors.Added");

    public Task<IActionResult> OnPostRenameAsync([FromForm] string? version, [FromForm] string? term, [FromForm] string? name) =>
        ApplyAsync(term, name, editing.RenameAsync(Tenant, Actor, version ?? "", term ?? "", name, HttpContext.RequestAborted), "Sectors.Renamed");

    public Task<IActionResult> OnPostMoveAsync([FromForm] string? version, [FromForm] string? term, [FromForm] string? direction) =>
        ApplyAsync(term, null, editing.MoveAsync(Tenant, Actor, version ?? "", term ?? "", direction == "up" ? -1 : 1, HttpContext.RequestAborted), "Sectors.Moved");

    public string NameFor(TaxonomyTerm term) => FailedTerm == term.Id && TypedName is not null ? TypedName : term.Title;

    private async Task<IActionResult> ApplyAsync(string? term, string? name, Task<SectorChange> change, string doneKey)
    {
        var result = await change;
        if (result.Done)
        {
            StatusMessage = C[doneKey, name?.Trim() ?? ""];
            return RedirectToPage();
        }
        Error = result.Error;
        FailedTerm = term;
        TypedName = name;
        await LoadAsync();
        Response.StatusCode = result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        await using var session = await store.OpenAsync(Tenant, HttpContext.RequestAborted);
        if (await session.GetAsync(TaxonomyTerms.SectorTaxonomyId, VersionOptions.Latest, HttpContext.RequestAborted) is not { } taxonomy)
        {
            return false;
        }
        Terms = TaxonomyTerms.Flatten(taxonomy);
        Version = taxonomy.ContentItemVersionId ?? "";
        return true;
    }
}
