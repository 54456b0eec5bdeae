using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portals.Admin.Content;
using Portals.Admin.Identity;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Definitions;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Content;

/// <summary>
/// The list of one content type: search as you type (published text through the shared search, titles of every
/// state through the store), filters by state, sector and owner, sorting and paging. Without a type: the types.
/// </summary>
[RequirePermission(Permissions.EditOwnContent)]
public sealed class IndexModel(IContentStore store, ContentList list, TenantDatabase database) : ContentPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "owner")]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? SortKey { get; set; }

    // "page" and "handler" are Razor Pages' own route values.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];
    public ContentTypeDefinition? Type { get; private set; }
    public IReadOnlyList<TaxonomyTerm> Sectors { get; private set; } = [];
    public IReadOnlyList<string> Owners { get; private set; } = [];
    public ListPage Results { get; private set; } = new([], 0, ContentList.PageSize);
    public bool FullText { get; private set; }
    public int PageCount => Math.Max(1, (Results.Total + Results.PageSize - 1) / Results.PageSize);

    /// <summary>Query value → store sort; the first is the default.</summary>
    public static readonly IReadOnlyList<(string Key, ContentSort Sort, string Label)> Sorts =
    [
        ("modified", ContentSort.ModifiedDescending, "List.SortModified"), ("modified-asc", ContentSort.ModifiedAscending, "List.SortModifiedAsc"),
        ("title", ContentSort.TitleAscending, "List.SortTitle"), ("title-desc", ContentSort.TitleDescending, "List.SortTitleDesc"),
        ("published", ContentSort.PublishedDescending, "List.SortPublished"),
    ];

    public static readonly IReadOnlyList<(string Key, ContentStatus Status)> Statuses =
    [
        ("draft", ContentStatus.Draft), ("review", ContentStatus.InReview), ("scheduled", ContentStatus.Scheduled), ("published", ContentStatus.Published),
    ];

    public async Task<IActionResult> OnGetAsync(string? type)
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using (var session = await store.OpenAsync(Tenant, cancellationToken))
        {
            Types = ListableTypes(await session.GetDefinitionsAsync(cancellationToken));
            Sectors = (await TaxonomyTerms.LoadAsync(session, TaxonomyTerms.SectorTaxonomyId, cancellationToken)).Where(t => t.Depth == 0).ToList();
        }
        if (type is null)
        {
            return Types.Count > 0 ? RedirectToPage(new { type = Types[0].Name }) : Page();
        }
        Type = Types.FirstOrDefault(t => t.Name == type);
        if (Type is null)
        {
            return NotFound();
        }
        await using (var db = database.Open(Tenant))
        {
            Owners = await db.Users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(cancellationToken);
        }
        var status = Statuses.FirstOrDefault(s => s.Key == StatusFilter).Status;
        var sort = Sorts.FirstOrDefault(s => s.Key == SortKey) is { Key: not null } chosen ? chosen.Sort : Sorts[0].Sort;
        var filter = new ListFilter(Type.Name, Text, status, Sector, Owner, sort, Math.Max(1, PageNumber));
        FullText = filter.FullText;
        Results = await list.QueryAsync(Tenant, filter, cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        return Page();
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string> { ["type"] = Type?.Name ?? "", ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        foreach (var (key, value) in new[] { ("q", Text), ("status", StatusFilter), ("sector", Sector), ("owner", Owner), ("sort", SortKey) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                route[key] = value;
            }
        }
        return route;
    }
}
