using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Portals.Admin.Http;

/// <summary>The Razor Pages area of the admin and its conventions.</summary>
internal static class AdminArea
{
    public const string Name = "Admin";
    private static readonly string[] Prefix = ["{tenant:tenant}", "admin"];

    /// <summary>
    /// <c>Areas/Admin/Pages/Users/Edit.cshtml</c> with <c>@page "{id:long}"</c> answers
    /// <c>/{tenant}/admin/users/edit/{id}</c>: the area's own prefix becomes the tenant's admin prefix, lower-cased.
    /// Literal segments outrank a theme's <c>/{tenant}/{**path}</c> catch-all.
    /// </summary>
    public static void Route(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.Where(s => s.AttributeRouteModel?.Template is not null))
        {
            var segments = selector.AttributeRouteModel!.Template!.Split('/');
            if (!segments[0].Equals(Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var rest = segments.Skip(1).Select(s => s.Contains('{', StringComparison.Ordinal) ? s : s.ToLowerInvariant());
            selector.AttributeRouteModel.Template = string.Join('/', Prefix.Concat(rest));
        }
    }

    public static void Filters(PageApplicationModel model)
    {
        model.Filters.Add(new AdminCultureFilter());
        model.Filters.Add(new AdminResultFilter());
    }
}
