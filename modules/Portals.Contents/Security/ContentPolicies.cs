using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Portals.Core.Security;
using Portals.Core.Tenants;

namespace Portals.Contents.Security;

/// <summary>The content routes' policies, by their permission (registered by the core, <see cref="ApiPolicies"/>).</summary>
public static class ContentPolicies
{
    public const string Read = ApiPolicies.PublicRead;

    /// <summary>
    /// Saving drafts: <see cref="Permissions.EditOwnContent"/>, which <see cref="Permissions.EditContent"/> implies
    /// (<see cref="EditImpliesEditOwnHandler"/>). Whose items the caller may change is checked by the handler.
    /// </summary>
    public static readonly string Edit = Permissions.Policy(Permissions.EditOwnContent);
    public static readonly string Publish = Permissions.Policy(Permissions.PublishContent);
    public static readonly string Delete = Permissions.Policy(Permissions.DeleteContent);
}

/// <summary>Whoever may edit every item may edit their own: EditContent satisfies an EditOwnContent requirement.</summary>
internal sealed class EditImpliesEditOwnHandler(ContentPermissions permissions, IHttpContextAccessor accessor) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (requirement.Permission != Permissions.EditOwnContent)
        {
            return;
        }
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        var tenant = http?.Features.Get<TenantFeature>()?.Tenant;
        if (tenant is not null && await permissions.HasAsync(context.User, tenant, Permissions.EditContent, http!.RequestAborted))
        {
            context.Succeed(requirement);
        }
    }
}
