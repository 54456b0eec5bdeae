using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portals.Admin.Media;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Media;

/// <summary>
/// Base of the media pages: anyone who may write content (<see cref="Permissions.EditContent"/> or
/// <see cref="Permissions.EditOwnContent"/>) browses and uploads; deleting needs <see cref="Permissions.DeleteContent"/>,
/// as a file may be attached to other people's items.
/// </summary>
public abstract class MediaPageModel : AdminPageModel
{
    private IStringLocalizer<MediaText>? _text;

    public bool CanUpload => Can(Permissions.EditContent) || Can(Permissions.EditOwnContent);

    public bool CanDelete => Can(Permissions.DeleteContent);

    protected IStringLocalizer<MediaText> M => _text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<MediaText>>();

    protected string Message(MediaProblem problem) => M[problem.ResourceKey, problem.Arguments];

    /// <summary>The "either permission" rule, which the all-of <see cref="RequirePermissionAttribute"/> cannot say.</summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CanUpload)
        {
            context.Result = Denied();
            return Task.CompletedTask;
        }
        return base.OnPageHandlerExecutionAsync(context, next);
    }
}
