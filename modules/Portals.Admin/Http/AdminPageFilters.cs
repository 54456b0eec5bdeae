using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Portals.Admin.Identity;

namespace Portals.Admin.Http;

/// <summary>Runs around each admin page, handler and result included: the language of the request.</summary>
internal sealed class AdminCultureFilter : IAsyncResourceFilter
{
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        AdminCulture.Apply(context.HttpContext);
        return next();
    }
}

/// <summary>
/// Runs for every admin result, also those of short-circuiting filters: security headers, and a stale or missing
/// antiforgery token answered with a readable 400 page that links back to the form (with resume=1, so what was
/// typed comes back) instead of an empty 400.
/// </summary>
internal sealed class AdminResultFilter : IAsyncAlwaysRunResultFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        // A short-circuited request (antiforgery failure) skipped the resource filter that sets the language.
        AdminCulture.Apply(context.HttpContext);
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ViewResult
            {
                ViewName = "FormExpired",
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState)
                {
                    ["ResumeUrl"] = AdminPaths.ResumeUrl(context.HttpContext.Request),
                },
            };
        }
        return next();
    }
}
