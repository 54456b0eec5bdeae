using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Portals.Core.Telemetry;

namespace Portals.Core.Tenants;

/// <summary>
/// Resolves the tenant once per request: by host first, then by the first path segment. A request matched
/// by host gets the tenant prefix added to its path, so every tenant route is mapped once, as <c>/{tenant}/…</c>.
/// The tenant then tags the request: a logging scope (<c>Tenant</c>) around everything that follows, and the
/// <c>portals.tenant</c> tag of ASP.NET Core's <c>http.server.request.duration</c>.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry, TenantStates states, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var tenant = registry.FindByHost(context.Request.Host.Host);
        var byHost = tenant is not null;
        if (tenant is not null)
        {
            if (!StartsWithSegment(context.Request.Path, tenant.UrlPrefix))
            {
                context.Request.Path = new PathString("/" + tenant.UrlPrefix).Add(context.Request.Path);
            }
        }
        else
        {
            tenant = registry.FindByPrefix(FirstSegment(context.Request.Path));
        }

        if (tenant is null)
        {
            await next(context);
            return;
        }

        context.Features.Set(new TenantFeature(tenant, byHost));
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new(PortalsTags.Tenant, tenant.Name));
        using (logger.BeginScope(new TenantLogScope(tenant.Name)))
        {
            if (states.Get(tenant.Name) != TenantState.Running)
            {
                await WriteUnavailableAsync(context, tenant, states.Get(tenant.Name));
                return;
            }
            await next(context);
        }
    }

    private static Task WriteUnavailableAsync(HttpContext context, TenantContext tenant, TenantState state)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        var detail = state == TenantState.Failed
            ? $"Cổng '{tenant.Name}' khởi tạo không thành công; quản trị viên cần xem nhật ký."
            : $"Cổng '{tenant.Name}' đang được khởi tạo. Vui lòng thử lại sau ít giây.";
        return Results.Problem(detail, statusCode: 503, title: "Tenant unavailable").ExecuteAsync(context);
    }

    private static string FirstSegment(PathString path)
    {
        var value = path.Value ?? "";
        var start = value.StartsWith('/') ? 1 : 0;
        var end = value.IndexOf('/', start);
        return end < 0 ? value[start..] : value[start..end];
    }

    private static bool StartsWithSegment(PathString path, string segment) =>
        path.StartsWithSegments("/" + segment, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The request's tenant as a logging scope: one <c>Tenant</c> property (a JSON formatter writes it under
/// <c>Scopes</c>), and "Tenant:haugiang" as text.
/// </summary>
public sealed class TenantLogScope(string tenant) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Key = "Tenant";

    public string Tenant => tenant;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Key, tenant) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Key}:{tenant}";
}

/// <summary>Route constraint <c>{tenant:tenant}</c>: matches only configured tenants, so others fall through to 404.</summary>
public sealed class TenantRouteConstraint(TenantRegistry registry) : IRouteConstraint
{
    public const string Name = "tenant";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string prefix && registry.FindByPrefix(prefix) is not null;
}
