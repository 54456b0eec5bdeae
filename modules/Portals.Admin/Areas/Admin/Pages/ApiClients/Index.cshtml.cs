using Portals.Admin.Identity;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.ApiClients;

/// <summary>Placeholder: API-client management (create with a role, show the secret once, revoke) comes with the Contents service.</summary>
[RequirePermission(Permissions.ManageApiClients)]
public sealed class IndexModel : AdminPageModel;
