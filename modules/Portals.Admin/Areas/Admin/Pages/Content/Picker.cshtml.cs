using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Content;
using Portals.Admin.Identity;
using Portals.Core.Content;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Content;

/// <summary>The content picker's search: items of the allowed types whose title matches, as JSON (id, title, type).</summary>
[RequirePermission(Permissions.EditOwnContent)]
public sealed class PickerModel(ContentList list, IContentStore store) : ContentPageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, string? types)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var allowed = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(ContentIds.IsValid).Take(10).ToList();
        Core.Definitions.ContentDefinitionSet definitions;
        await using (var session = await store.OpenAsync(Tenant, cancellationToken))
        {
            definitions = await session.GetDefinitionsAsync(cancellationToken);
        }
        var listable = ListableTypes(definitions).Select(t => t.Name).ToList();
        var searched = allowed.Count > 0 ? allowed.Where(definitions.Types.ContainsKey).ToList() : listable;
        var items = await list.PickAsync(Tenant, searched, q, cancellationToken);
        return new JsonResult(items.Select(i => new
        {
            id = i.ContentItemId,
            title = i.DisplayText ?? i.ContentItemId,
            type = definitions.FindType(i.ContentType)?.DisplayName ?? i.ContentType,
        }));
    }
}
