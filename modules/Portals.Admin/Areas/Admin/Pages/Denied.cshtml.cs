namespace Portals.Admin.Areas.Admin.Pages;

/// <summary>Where a signed-in user lands when their roles do not grant what a page requires (status 403).</summary>
public sealed class DeniedModel : AdminPageModel
{
    public void OnGet() => Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden;
}
