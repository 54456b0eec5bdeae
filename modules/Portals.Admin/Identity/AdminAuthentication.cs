using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portals.Core.Security;

namespace Portals.Admin.Identity;

/// <summary>
/// Cookie authentication of the admin pages. Every admin policy names this scheme, so the cookie is read only where
/// a policy asks for it (the API never accepts it) and no global authentication middleware is needed.
/// </summary>
public static class AdminAuthentication
{
    public const string Scheme = "PortalsAdmin";
    public const string CookieName = "portals.admin";

    internal static IServiceCollection AddAdminAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AdminCookieEvents>();
        services.AddAuthentication().AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<AdminOptions>>((cookie, admin) =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.CookieManager = new TenantCookieManager();
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(admin.Value.SessionMinutes);
            cookie.SlidingExpiration = true;
            cookie.EventsType = typeof(AdminCookieEvents);
        });

        services.AddSingleton<IAuthorizationHandler, AdminPermissionHandler>();
        services.AddAuthorization(AdminPolicies.Add);
        return services;
    }
}

/// <summary>Policy names of the admin. Pages ask for a permission with <see cref="RequirePermissionAttribute"/>.</summary>
public static class AdminPolicies
{
    /// <summary>Every admin page but sign-in: a valid admin session of this tenant.</summary>
    public const string SignedIn = "admin:signed-in";

    public static string Permission(string permission) => "admin:" + permission;

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.AddAuthenticationSchemes(AdminAuthentication.Scheme).RequireAuthenticatedUser());
        foreach (var permission in Permissions.All)
        {
            options.AddPolicy(Permission(permission), p => p.AddAuthenticationSchemes(AdminAuthentication.Scheme)
                .RequireAuthenticatedUser().AddRequirements(new AdminPermissionRequirement(permission)));
        }
    }
}

/// <summary>On a page model: the signed-in user's roles must grant <paramref name="permission"/> in this tenant, or 403.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(AdminPolicies.Permission(permission))
{
    public string Permission { get; } = permission;
}

public sealed record AdminPermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Checks the permissions loaded with the session (<see cref="AdminUser"/>, set while the cookie is validated).</summary>
internal sealed class AdminPermissionHandler : AuthorizationHandler<AdminPermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminPermissionRequirement requirement)
    {
        if (context.Resource is HttpContext http && http.Features.Get<AdminUser>()?.Has(requirement.Permission) == true)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
