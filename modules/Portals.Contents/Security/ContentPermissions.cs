using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Core.Tenants;
using Claims = OpenIddict.Abstractions.OpenIddictConstants.Claims;

namespace Portals.Contents.Security;

/// <summary>
/// Resolves a caller's permissions from the roles in its token and the tenant's Roles document, read per request
/// so that a role edit takes effect at once (one small indexed read, only for authenticated calls).
/// </summary>
public sealed class ContentPermissions(IContentStore store)
{
    public async Task<bool> HasAsync(ClaimsPrincipal user, TenantContext tenant, string permission, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var roles = user.FindAll(Claims.Role).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (roles.Count == 0)
        {
            return false;
        }
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        if (await session.GetDocumentAsync(DocumentKeys.Roles, cancellationToken) is not JsonArray document)
        {
            return false;
        }
        return document.OfType<JsonObject>()
            .Where(r => r["Name"] is JsonValue name && name.TryGetValue(out string? n) && roles.Contains(n))
            .Any(r => r["Permissions"] is JsonArray granted
                && granted.Any(p => p is JsonValue v && v.TryGetValue(out string? s) && s == permission));
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

/// <summary>Policy names. Every policy names the bearer scheme only, so no route ever accepts a cookie.</summary>
public static class ContentPolicies
{
    public const string Read = "contents:read";
    public const string Edit = "contents:" + Permissions.EditContent;
    public const string Publish = "contents:" + Permissions.PublishContent;
    public const string Delete = "contents:" + Permissions.DeleteContent;

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.AddAuthenticationSchemes(ApiAuthentication.Scheme).AddRequirements(new NoInvalidTokenRequirement()));
        var named = new[] { (Edit, Permissions.EditContent), (Publish, Permissions.PublishContent), (Delete, Permissions.DeleteContent) };
        foreach (var (name, permission) in named.Concat(Permissions.All.Select(p => (Permissions.Policy(p), p))))
        {
            options.AddPolicy(name, p => p.AddAuthenticationSchemes(ApiAuthentication.Scheme).RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }
    }
}
