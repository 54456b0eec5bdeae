using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Portals.Core.Tenants;

namespace Portals.Admin.Http;

/// <summary>
/// Fills in the request's tenant when a page link is generated (<c>asp-page</c>, <c>RedirectToPage</c>): endpoint
/// routing drops ambient values such as <c>{tenant}</c> when linking to another page, which would leave every
/// <c>href</c> empty. Explicit values win.
/// </summary>
internal sealed class TenantUrlHelperFactory : IUrlHelperFactory
{
    private readonly UrlHelperFactory _inner = new();

    public IUrlHelper GetUrlHelper(ActionContext context) => new TenantUrlHelper(_inner.GetUrlHelper(context));

    private sealed class TenantUrlHelper(IUrlHelper inner) : IUrlHelper
    {
        public ActionContext ActionContext => inner.ActionContext;

        public string? Action(UrlActionContext actionContext)
        {
            actionContext.Values = WithTenant(actionContext.Values);
            return inner.Action(actionContext);
        }

        public string? Content(string? contentPath) => inner.Content(contentPath);

        public bool IsLocalUrl(string? url) => inner.IsLocalUrl(url);

        public string? Link(string? routeName, object? values) => inner.Link(routeName, WithTenant(values));

        public string? RouteUrl(UrlRouteContext routeContext)
        {
            routeContext.Values = WithTenant(routeContext.Values);
            return inner.RouteUrl(routeContext);
        }

        private RouteValueDictionary WithTenant(object? values)
        {
            var result = new RouteValueDictionary(values);
            if (ActionContext.HttpContext.Features.Get<TenantFeature>() is { } feature)
            {
                result.TryAdd("tenant", feature.Tenant.UrlPrefix);
            }
            return result;
        }
    }
}
