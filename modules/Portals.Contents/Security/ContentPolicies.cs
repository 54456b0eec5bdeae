using Portals.Core.Security;

namespace Portals.Contents.Security;

/// <summary>The content routes' policies, by their permission (registered by the core, <see cref="ApiPolicies"/>).</summary>
public static class ContentPolicies
{
    public const string Read = ApiPolicies.PublicRead;
    public static readonly string Edit = Permissions.Policy(Permissions.EditContent);
    public static readonly string Publish = Permissions.Policy(Permissions.PublishContent);
    public static readonly string Delete = Permissions.Policy(Permissions.DeleteContent);
}
