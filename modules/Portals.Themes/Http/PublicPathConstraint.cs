using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portals.Themes.Pages;

namespace Portals.Themes.Http;

/// <summary>
/// <c>{**path:publicpath}</c>: the item route matches no path under a segment another module owns (api, feeds,
/// connect, health, admin, media…), so those keep their own 404s and 405s instead of a themed page.
/// </summary>
public sealed class PublicPathConstraint : IRouteConstraint
{
    public const string Name = "publicpath";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string path && path.Length > 0 && !PublicRoutes.IsReservedPath(path);
}
