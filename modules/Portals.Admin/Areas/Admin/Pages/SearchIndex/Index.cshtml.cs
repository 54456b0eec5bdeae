using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Portals.Admin.Http;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Search;
using Portals.Search.Http;

namespace Portals.Admin.Areas.Admin.Pages.SearchIndex;

/// <summary>
/// The tenant's part of the shared search index: its figures, and a button that starts the search module's online
/// rebuild (<see cref="SearchRebuildJobs"/>, the same job as <c>POST /{tenant}/api/search/rebuild</c>). The request is
/// audited before the job starts; <c>?handler=Status</c> is the JSON the page's script polls while it runs.
/// </summary>
[RequirePermission(Permissions.ManageSearchIndex)]
public sealed class IndexModel(SearchRebuildJobs jobs, ISearchIndex index, TenantDatabase database, TimeProvider clock, ILogger<IndexModel> logger)
    : AdminPageModel
{
    /// <summary>Set-aside documents listed on the page; the rest are counted.</summary>
    public const int SetAsideShown = 20;

    public RebuildStatus? Rebuild { get; private set; }

    public SearchIndexStatus Figures { get; private set; } = new("", 0, 0, []);

    public bool Running => Rebuild?.State == RebuildState.Running;

    public async Task OnGetAsync()
    {
        Rebuild = await jobs.LatestAsync(Tenant, HttpContext.RequestAborted);
        Figures = await index.GetStatusAsync(Tenant.Name, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if ((await jobs.LatestAsync(Tenant, HttpContext.RequestAborted))?.State == RebuildState.Running)
        {
            StatusMessage = T["Search.AlreadyRunning"];
            return RedirectToPage();
        }
        var cancellationToken = HttpContext.RequestAborted;
        // Audited first: a rebuild never runs without its row; the job itself is not transactional.
        await using (var db = database.Open(Tenant))
        {
            AuditLog.Add(db, AuditEntry(AuditActions.SearchRebuildStarted, "search:" + Tenant.Name), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        var job = await jobs.StartAsync(Tenant, cancellationToken);
        AdminLog.UserManaged(logger, CurrentUser.UserName, Tenant.Name, AuditActions.SearchRebuildStarted, "search rebuild " + job.Id);
        StatusMessage = T["Search.Started"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetStatusAsync()
    {
        await OnGetAsync();
        return new JsonResult(new
        {
            state = Rebuild?.State.ToString() ?? "None",
            done = Rebuild?.Done ?? 0,
            total = Rebuild?.Total ?? 0,
            documents = Figures.Documents,
            setAside = Figures.SetAside.Count,
            message = Message(),
        });
    }

    /// <summary>The state of the latest rebuild in a sentence (the page and the polled JSON show the same).</summary>
    public string Message() => Rebuild switch
    {
        null => T["Search.NeverRebuilt"],
        { State: RebuildState.Running, Total: 0 } => T["Search.Counting"],
        { State: RebuildState.Running } r => T["Search.Running", r.Done, r.Total],
        { State: RebuildState.Completed } r => T["Search.Completed", r.Done, AdminFormat.Timestamp(r.FinishedUtc?.UtcDateTime), Figures.Documents, Figures.SetAside.Count],
        { } r => T["Search.Failed", AdminFormat.Timestamp(r.FinishedUtc?.UtcDateTime), r.Error ?? ""],
    };
}
