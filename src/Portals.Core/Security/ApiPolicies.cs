using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Portals.Core.Tenants;

namespace Portals.Core.Security;

/// <summary>
/// The authorization policies of every module's JSON API routes. Each names the bearer scheme only, so no API route
/// ever accepts a cookie. Per permission: <see cref="Permissions.Policy"/>.
/// </summary>
public static class ApiPolicies
{
    /// <summary>The authentication scheme of API bearer tokens (OAuth2 client credentials, <c>POST /{tenant}/connect/token</c>).</summary>
    public const string BearerScheme = "PortalsApi";

    /// <summary>Anonymous reads: no token is needed, but a token that is sent must be valid for this tenant (else 401).</summary>
    public const string PublicRead = "api:public-read";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PublicRead, p => p.AddAuthenticationSchemes(BearerScheme).AddRequirements(new NoInvalidTokenRequirement()));
        foreach (var permission in Permissions.All)
        {
            options.AddPolicy(Permissions.Policy(permission), p => p.AddAuthenticationSchemes(BearerScheme).RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }
    }
}

/// <summary>The caller's roles must grant <see cref="Permission"/> in the request's tenant.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Reads are public, but a presented token must be valid: a bad or foreign token gets 401, not anonymous access.</summary>
public sealed record NoInvalidTokenRequirement : IAuthorizationRequirement;

internal sealed class PermissionHandler(ContentPermissions permissions, IHttpContextAccessor accessor) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        var tenant = http?.Features.Get<TenantFeature>()?.Tenant;
        if (tenant is not null && await permissions.HasAsync(context.User, tenant, requirement.Permission, http!.RequestAborted))
        {
            context.Succeed(requirement);
        }
    }
}

internal sealed class NoInvalidTokenHandler : AuthorizationHandler<NoInvalidTokenRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NoInvalidTokenRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (context.User.Identity?.IsAuthenticated == true || http?.Request.Headers.Authorization.Count is null or 0)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
