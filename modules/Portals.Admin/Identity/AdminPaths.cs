using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Portals.Core.Tenants;

namespace Portals.Admin.Identity;

/// <summary>URLs of the admin of the request's tenant, always under its path prefix (which also works on its own host).</summary>
public static class AdminPaths
{
    /// <summary>Query parameter of a page reached again after a refused POST: the admin script refills its form.</summary>
    public const string ResumeParameter = "resume";

    public static string Root(HttpContext context) => $"{context.Request.PathBase}/{context.GetTenant().UrlPrefix}/admin";

    public static string Page(HttpContext context, string relative) => $"{Root(context)}/{relative}";

    public static string SignIn(HttpContext context, string? returnUrl) =>
        Page(context, "login") + (string.IsNullOrEmpty(returnUrl) ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));

    /// <summary>
    /// The page a POST came from, as a GET that refills its form: without the page handler (a GET would look for
    /// a GET handler of that name) and with <c>resume=1</c>, which the admin script reads.
    /// </summary>
    public static string ResumeUrl(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !p.Key.Equals("handler", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals(ResumeParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>(ResumeParameter, "1"));
        return UriHelper.BuildRelative(request.PathBase, request.Path, QueryString.Create(query));
    }

    /// <summary>A returnUrl is followed only when it is a local path inside this tenant's admin: no open redirect.</summary>
    public static bool IsSafeReturnUrl(HttpContext context, string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.Contains('\\', StringComparison.Ordinal) || returnUrl.Any(char.IsControl))
        {
            return false;
        }
        var root = Root(context);
        return returnUrl.Equals(root, StringComparison.OrdinalIgnoreCase)
            || returnUrl.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase)
            || returnUrl.StartsWith(root + "?", StringComparison.OrdinalIgnoreCase);
    }
}
