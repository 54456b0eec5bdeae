using Microsoft.AspNetCore.Mvc;
using Portals.Admin.Content;
using Portals.Admin.Identity;
using Portals.Core.Tenants;

namespace Portals.Admin.Areas.Admin.Pages.Dashboard;

/// <summary>
/// The cooperation section on the admin's home page: each programme with its sector agreements and key projects,
/// the latest reports, investment calls closing soon, and the review queue (for those who publish) or one's drafts.
/// </summary>
public sealed class CooperationDashboardViewComponent(CooperationDashboard dashboard) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.Features.Get<AdminUser>();
        if (user is null)
        {
            return Content("");
        }
        var actor = ContentActor.Of(user, HttpContext.Connection.RemoteIpAddress?.ToString());
        var data = await dashboard.LoadAsync(HttpContext.GetTenant(), actor, HttpContext.RequestAborted);
        return View("/Areas/Admin/Pages/Dashboard/_Cooperation.cshtml", data);
    }
}
