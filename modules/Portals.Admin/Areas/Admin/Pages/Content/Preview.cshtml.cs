using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Content;
using Portals.Admin.Identity;
using Portals.Core.Content;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Content;

/// <summary>
/// An item's latest version (a draft included), marked as a preview, never indexed and never cached: rendered by the
/// tenant's public theme when one is registered (<see cref="IContentPreview"/>), otherwise a readable page showing
/// every field of the definition in order.
/// </summary>
[RequirePermission(Permissions.PreviewContent)]
public sealed class PreviewModel(IContentStore store, IEnumerable<IContentPreview> themes) : ContentPageModel
{
    public ContentItem Item { get; private set; } = null!;
    public string TypeName { get; private set; } = "";
    public IReadOnlyList<ShownField> Shown { get; private set; } = [];
    public string? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var session = await store.OpenAsync(Tenant, cancellationToken);
        if (await session.GetAsync(id, VersionOptions.Latest, cancellationToken) is not { } item)
        {
            return NotFound();
        }
        // A draft must never end up in a search engine, even if its address leaks.
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (themes.FirstOrDefault() is { } theme)
        {
            return File(await theme.RenderAsync(Tenant, HttpContext, item, cancellationToken), "text/html; charset=utf-8");
        }
        var definitions = await session.GetDefinitionsAsync(cancellationToken);
        var type = definitions.FindType(item.ContentType);
        Item = item;
        TypeName = type?.DisplayName ?? item.ContentType;
        if (type is not null)
        {
            var fields = EditorSchema.For(type, definitions);
            var lookups = await DisplayLookups.LoadAsync(session, fields, [EditorValues.FromItem(item, fields)], cancellationToken);
            Shown = FieldDisplay.Show(item, fields, lookups, C).Where(f => f.Field.Kind is not FieldKind.Title and not FieldKind.Path).ToList();
            Summary = Shown.FirstOrDefault(f => f.Field.FieldName == "Summary")?.Text;
        }
        return Page();
    }
}
